package io.waymark.ingest.mqtt;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Replaces Waymark's MQTT client when a connection attempt hangs.
 * <p>
 * Paho 1.2.5 (the last release) can hang a connection attempt for good when a broker accepts
 * the TCP connection and drops it at once, as a restarting broker does: its connect thread waits
 * forever for reader and writer threads that have already ended (eclipse-paho/paho.mqtt.java
 * issues 850 and 999), and neither its connection timeout nor its automatic reconnect ever
 * fires again. An attempt that is still under way well after {@code connect-timeout} is such a
 * hang; the only way out is a new client.
 */
class MqttConnectWatchdog {

    private static final Logger log = LoggerFactory.getLogger(MqttConnectWatchdog.class);

    private final Duration limit;

    private final StuckCheck stuck;

    private final Runnable replaceClient;

    /** Whether the client's current connection attempt has been under way for longer than the limit. */
    interface StuckCheck {

        boolean attemptOlderThan(Duration limit);
    }

    MqttConnectWatchdog(Duration limit, StuckCheck stuck, Runnable replaceClient) {
        this.limit = limit;
        this.stuck = stuck;
        this.replaceClient = replaceClient;
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void check() {
        if (stuck.attemptOlderThan(limit)) {
            log.error("MQTT: a connection attempt has hung for more than {} s (a Paho client bug); "
                    + "replacing the client", limit.toSeconds());
            replaceClient.run();
        }
    }
}
