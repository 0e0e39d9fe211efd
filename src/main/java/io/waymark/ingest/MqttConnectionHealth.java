package io.waymark.ingest;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.integration.mqtt.event.MqttConnectionFailedEvent;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code mqtt}: UP once subscribed, DOWN with the cause
 * while the adapter cannot reach the broker. Follows the adapter's own events.
 */
@Component("mqtt")
@ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
class MqttConnectionHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MqttConnectionHealth.class);

    private final MqttPahoMessageDrivenChannelAdapter adapter;

    private final String clientId;

    private final Clock clock;

    private volatile State state;

    MqttConnectionHealth(MqttPahoMessageDrivenChannelAdapter adapter, MqttProperties properties, Clock clock) {
        this.adapter = adapter;
        this.clientId = properties.clientId();
        this.clock = clock;
        this.state = new State(false, "connecting", clock.instant());
    }

    @EventListener
    void onSubscribed(MqttSubscribedEvent event) {
        if (event.getSource() == adapter) {
            state = new State(true, event.getMessage(), clock.instant());
        }
    }

    @EventListener
    void onConnectionFailed(MqttConnectionFailedEvent event) {
        if (event.getSource() == adapter) {
            String cause = describe(event.getCause());
            log.error("MQTT connection to {} failed: {}", urls(), cause);
            state = new State(false, cause, clock.instant());
        }
    }

    @Override
    public Health health() {
        State current = state;
        Health.Builder builder = current.up ? Health.up() : Health.down();
        builder.withDetail("url", urls()).withDetail("clientId", clientId)
            .withDetail("since", current.since.toString());
        return builder.withDetail(current.up ? "status" : "error", current.detail).build();
    }

    private String urls() {
        return String.join(",", adapter.getConnectionInfo().getServerURIs());
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "connection lost";
        }
        StringBuilder text = new StringBuilder(String.valueOf(cause.getMessage()));
        for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            text.append(": ").append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return text.toString();
    }

    private record State(boolean up, String detail, Instant since) {
    }
}
