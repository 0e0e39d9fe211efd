package io.waymark.tracking;

import java.time.Instant;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transition;

/** A region transition as received, on its way into storage. */
public record ReceivedTransition(DeviceId deviceId, Transition transition, Instant receivedAt, String rawJson) {
}
