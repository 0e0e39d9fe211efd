package io.waymark.tracking;

import java.time.Instant;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transition;

/** A region transition as received. */
public record StoredTransition(DeviceId deviceId, Transition transition, Instant receivedAt, String rawJson) {
}
