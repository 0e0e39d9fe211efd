package io.waymark.broker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health} component {@code broker}: UP while the embedded broker listens. */
class BrokerHealth implements HealthIndicator {

    private final EmbeddedBroker broker;

    BrokerHealth(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        BrokerListeners listeners = broker.isRunning() ? broker.listeners() : null;
        if (listeners == null) {
            return Health.down().withDetail("error", "not running").build();
        }
        Health.Builder health = Health.up().withDetail("host", listeners.host()).withDetail("port", listeners.tcp());
        if (listeners.tls() != null) {
            health.withDetail("tlsPort", listeners.tls());
        }
        if (listeners.websocket() != null) {
            health.withDetail("websocketPort", listeners.websocket());
        }
        return health.build();
    }
}
