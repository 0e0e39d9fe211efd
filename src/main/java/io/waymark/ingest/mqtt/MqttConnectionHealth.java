package io.waymark.ingest.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.integration.mqtt.event.MqttConnectionFailedEvent;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;

/**
 * {@code /actuator/health} component {@code mqtt}: UP once subscribed, DOWN with the cause
 * while Waymark's MQTT client cannot connect.
 * <p>
 * It follows the adapter's events (subscribed, connection lost) and what the client itself
 * reports on every connection attempt ({@link #connectFailed}): Spring Integration publishes no
 * event when the first connection fails and Paho's automatic reconnect takes over, so without
 * the client's report a wrong password at startup would show only as "connecting". Each new
 * cause is logged once as one line; the same cause again while retrying is logged at DEBUG.
 */
class MqttConnectionHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MqttConnectionHealth.class);

    private final List<String> urls;

    private final String clientId;

    private final String protocolVersion;

    private final Clock clock;

    private volatile State state;

    private String lastLoggedFailure;

    MqttConnectionHealth(MqttClientSettings settings, Clock clock) {
        this.urls = settings.urls();
        this.clientId = settings.clientId();
        this.protocolVersion = settings.protocolVersion();
        this.clock = clock;
        this.state = new State(false, "connecting", clock.instant());
    }

    /** A connection attempt (first or automatic reconnect) failed; the client tries again with back-off. */
    void connectFailed(Throwable cause) {
        fail(cause, "cannot connect to " + String.join(",", urls) + " as client id '" + clientId
                + "', retrying with back-off: ");
    }

    /** Connected; the subscription follows ({@link MqttSubscribedEvent}). */
    synchronized void connected(String serverUri) {
        if (lastLoggedFailure != null) {
            log.info("MQTT: connected to {} as client id '{}'", serverUri, clientId);
        }
        lastLoggedFailure = null;
    }

    @EventListener
    void onSubscribed(MqttSubscribedEvent event) {
        state = new State(true, event.getMessage(), clock.instant());
    }

    @EventListener
    void onConnectionFailed(MqttConnectionFailedEvent event) {
        fail(event.getCause(), "connection to " + String.join(",", urls) + " failed: ");
    }

    private synchronized void fail(Throwable failure, String context) {
        String cause = MqttFailureCause.describe(failure);
        state = new State(false, cause, clock.instant());
        if (cause.equals(lastLoggedFailure)) {
            log.debug("MQTT: {}{}", context, cause);
        }
        else {
            log.error("MQTT: {}{}", context, cause);
            lastLoggedFailure = cause;
        }
    }

    @Override
    public Health health() {
        State current = state;
        Health.Builder builder = current.up ? Health.up() : Health.down();
        builder.withDetail("url", String.join(",", urls))
            .withDetail("clientId", clientId)
            .withDetail("protocolVersion", protocolVersion)
            .withDetail("since", current.since.toString());
        return builder.withDetail(current.up ? "status" : "error", current.detail).build();
    }

    private record State(boolean up, String detail, Instant since) {
    }
}
