package io.waymark.presence;

import io.waymark.broker.BrokerEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

/**
 * Hands the embedded broker's {@link BrokerEvent}s to the tracker. An {@code ApplicationListener}
 * bean, not an {@code @EventListener} method: {@code BrokerStarting} is published while the
 * context is still creating beans, before {@code @EventListener} methods are registered.
 */
@Component
class BrokerPresenceListener implements GenericApplicationListener {

    private final PresenceTracker tracker;

    BrokerPresenceListener(PresenceTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())
                && BrokerEvent.class.isAssignableFrom(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        tracker.on((BrokerEvent) ((PayloadApplicationEvent<?>) event).getPayload());
    }
}
