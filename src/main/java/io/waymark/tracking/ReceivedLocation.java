package io.waymark.tracking;

import java.time.Instant;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;

/** A location as received, on its way into the history: the decoded fix plus where and when it came from. */
public record ReceivedLocation(DeviceId deviceId, Location location, Instant receivedAt, String topic, String rawJson) {
}
