package io.waymark.api;

import java.time.Instant;

record PresenceView(String state, Instant since, Instant lastSeen, String reason) {
}
