package io.waymark.ingest.mqtt;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Waymark's own MQTT client is for external brokers: it is created when {@code waymark.mqtt.url}
 * is set. With no URL and the embedded broker on there is no client at all (the broker hands
 * messages to the flow in-process); with no URL and no embedded broker it is created, and fails
 * startup with a message that says what to set.
 */
class ExternalMqttBroker implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        boolean urlSet = !binder.bind("waymark.mqtt.url", Bindable.listOf(String.class)).orElse(List.of()).isEmpty();
        boolean embedded = binder.bind("waymark.broker.enabled", Boolean.class).orElse(true);
        return urlSet || !embedded;
    }
}
