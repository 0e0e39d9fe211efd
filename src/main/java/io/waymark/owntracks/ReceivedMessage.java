package io.waymark.owntracks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A decoded message together with where and when it arrived: what the ingestion flow hands
 * to the modules that store it.
 *
 * @param topic the topic as received
 * @param payload the payload as received, or for an encrypted one the decrypted message (the
 *        modules keep it as raw JSON)
 * @param retained a retained replay from the broker, not a sign that the device is there now
 * @param transport how it reached Waymark
 * @param encrypted whether it came in an encrypted envelope
 */
public record ReceivedMessage(DeviceId deviceId, OwnTracksMessage message, String topic, byte[] payload,
        Instant receivedAt, boolean retained, Transport transport, boolean encrypted) {

    /** A plain message that came over MQTT. */
    public ReceivedMessage(DeviceId deviceId, OwnTracksMessage message, String topic, byte[] payload,
            Instant receivedAt, boolean retained) {
        this(deviceId, message, topic, payload, receivedAt, retained, Transport.MQTT, false);
    }

    /**
     * The payload as text: a new {@code String} each call, so each message's one storing module
     * (tracking for locations and transitions, device for cards, statuses and dumps) asks once
     * and passes it on. {@code raw_json} is a text column on both databases: it is bound as text.
     */
    public String json() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Sent to the device ({@code _type} {@code cmd}, or on its {@code cmd} topic), not by it. */
    public boolean isCommand() {
        return message instanceof Cmd || Topic.isCommand(topic);
    }
}
