package io.waymark.broker;

import io.waymark.presence.PresenceTracker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "waymark.broker.enabled", matchIfMissing = true)
class BrokerConfiguration {

    @Bean
    EmbeddedBroker embeddedBroker(BrokerProperties properties, PresenceTracker presence) {
        presence.brokerStarting();
        return new EmbeddedBroker(properties, new PresenceInterceptor(presence));
    }
}
