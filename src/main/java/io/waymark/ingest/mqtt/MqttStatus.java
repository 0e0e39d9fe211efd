package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waymark's own status on {@code waymark.mqtt.status-topic}, retained: {@code online} once
 * connected, {@code offline} as its will (a crash, a lost connection) and before a clean stop
 * (brokers publish no will after a DISCONNECT). The only place that knows topic, payloads and QoS.
 *
 * @param topic where to publish; {@code null} for none (brokers without retained messages)
 */
record MqttStatus(@Nullable String topic) {

    private static final Logger log = LoggerFactory.getLogger(MqttStatus.class);

    static final int QOS = 1;

    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.UTF_8);

    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);

    /** What a Paho client (v3 or v5) does to publish one retained message. */
    interface Publisher {

        /** Publishes retained; waits up to {@code waitMillis} for the broker's ack if positive. */
        void publishRetained(String topic, byte[] payload, int qos, long waitMillis) throws Exception;
    }

    boolean enabled() {
        return topic != null;
    }

    /** The payload of the will registered in the connect options. */
    static byte[] willPayload() {
        return OFFLINE.clone();
    }

    void online(Publisher client) {
        publish(client, ONLINE, 0);
    }

    void offline(Publisher client, long waitMillis) {
        publish(client, OFFLINE, waitMillis);
    }

    private void publish(Publisher client, byte[] payload, long waitMillis) {
        if (topic == null) {
            return;
        }
        try {
            client.publishRetained(topic, payload.clone(), QOS, waitMillis);
        }
        catch (Exception ex) {
            // online: the next connect tries again; offline: the will says so if the connection drops
            log.debug("MQTT: status not published on {}: {}", topic, ex.toString());
        }
    }
}
