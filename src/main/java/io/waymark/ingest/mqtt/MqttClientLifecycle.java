package io.waymark.ingest.mqtt;

import java.time.Duration;

/**
 * What Waymark's MQTT client does around Paho's, the same for MQTT 3.1.1 ({@link MqttV3Client})
 * and 5 ({@link MqttV5Client}), which differ only in Paho's types: it reports every connection
 * attempt to {@link MqttConnectionHealth}, retries a failed first connect ({@link MqttConnectRetry}),
 * announces Waymark's {@link MqttStatus}, and tells the {@link MqttConnectWatchdog} how long the
 * attempt under way has been running. One per Paho client.
 */
final class MqttClientLifecycle {

    private final MqttConnectionHealth health;

    private final MqttStatus status;

    private final MqttConnectRetry retry;

    /** Set once Waymark stops the client: attempts still under way then fail for that reason only. */
    private volatile boolean stopping;

    /** When the connection attempt under way started ({@link System#nanoTime()}), 0 if none. */
    private volatile long attemptStarted;

    MqttClientLifecycle(String clientId, MqttClientSettings settings, MqttConnectionHealth health) {
        this.health = health;
        this.status = settings.status();
        this.retry = new MqttConnectRetry(clientId, MqttClientSettings.MAX_RECONNECT_DELAY);
    }

    /** Every connect, the first and each of Paho's automatic reconnects, starts here. */
    void attemptStarted() {
        attemptStarted = System.nanoTime();
    }

    void attemptSucceeded(String serverUri, MqttStatus.Publisher client) {
        attemptStarted = 0;
        health.connected(serverUri);
        status.online(client);
    }

    void attemptFailed(Throwable cause) {
        attemptStarted = 0;
        if (!stopping) {
            health.connectFailed(cause);
        }
    }

    /**
     * Paho's first connect failed: retry on our own schedule ({@link MqttConnectRetry} says why).
     * Paho's own reconnects after a lost connection do not come through here.
     */
    void retryFirstConnect(MqttConnectRetry.Attempt attempt) {
        retry.start(attempt);
    }

    boolean attemptOlderThan(Duration limit) {
        long started = attemptStarted;
        return !stopping && started != 0 && System.nanoTime() - started > limit.toNanos();
    }

    /** Waymark stops the client, which disconnects cleanly next: no retries, and say offline first. */
    void stopping(boolean connected, MqttStatus.Publisher client, long waitMillis) {
        stopping = true;
        retry.cancel();
        if (connected) {
            status.offline(client, waitMillis);
        }
    }

    void closing() {
        stopping = true;
        retry.shutdown();
    }
}
