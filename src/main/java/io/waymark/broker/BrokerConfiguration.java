package io.waymark.broker;

import io.waymark.broker.BrokerEvent.BrokerStarting;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "waymark.broker.enabled", matchIfMissing = true)
class BrokerConfiguration {

    /**
     * {@link BrokerStarting} goes out before the broker listens, while the context is still being
     * built: listeners must be {@code ApplicationListener} beans, which Spring finds (and creates)
     * then; {@code @EventListener} methods are only registered once every bean exists.
     */
    @Bean
    EmbeddedBroker embeddedBroker(BrokerProperties properties, ApplicationEventPublisher events) {
        events.publishEvent(new BrokerStarting());
        return new EmbeddedBroker(properties, new DeviceConnections(events));
    }
}
