package io.waymark.tracking;

import java.time.Instant;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.Transport;

/**
 * A location as received, on its way into the history: the decoded fix plus where and when it
 * came from, how (MQTT, HTTP) and whether it came encrypted.
 */
public record ReceivedLocation(DeviceId deviceId, Location location, Instant receivedAt, String topic, String rawJson,
        Transport transport, boolean encrypted) {

    public ReceivedLocation(DeviceId deviceId, Location location, Instant receivedAt, String topic, String rawJson) {
        this(deviceId, location, receivedAt, topic, rawJson, Transport.MQTT, false);
    }
}
