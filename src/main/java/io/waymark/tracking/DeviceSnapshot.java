package io.waymark.tracking;

import java.time.Instant;

import io.waymark.owntracks.DeviceId;

/**
 * A device as stored: identity, display name, presence columns and last-known location
 * ({@code null} before the first fix).
 */
public record DeviceSnapshot(DeviceId id, String tid, String name, String presenceState, String presenceReason,
        Instant presenceSince, Instant lastSeen, LocationRecord location) {
}
