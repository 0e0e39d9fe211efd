package io.waymark.presence;

import java.time.Instant;

/** One stored presence change, as the API shows it. */
record PresenceEventView(String state, String reason, Instant at) {
}
