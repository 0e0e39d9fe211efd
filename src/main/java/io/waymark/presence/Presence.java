package io.waymark.presence;

import java.time.Instant;

/**
 * @param since when the state last changed
 * @param lastSeen when Waymark last heard from the device (a message or a broker connection)
 */
public record Presence(PresenceState state, PresenceReason reason, Instant since, Instant lastSeen) {

    public boolean online() {
        return state == PresenceState.ONLINE;
    }

    Presence seen(Instant at) {
        return lastSeen != null && !at.isAfter(lastSeen) ? this : new Presence(state, reason, since, at);
    }
}
