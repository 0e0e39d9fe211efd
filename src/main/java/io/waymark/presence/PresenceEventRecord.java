package io.waymark.presence;

import java.time.Instant;

/** One stored presence change. */
public record PresenceEventRecord(String state, String reason, Instant at) {
}
