package io.waymark.presence;

import java.time.Instant;

import io.waymark.device.PresenceView;

/**
 * @param since when the state last changed
 * @param lastSeen when Waymark last heard from the device (a message or a broker connection)
 */
public record Presence(PresenceState state, PresenceReason reason, Instant since, Instant lastSeen) {

    public boolean online() {
        return state == PresenceState.ONLINE;
    }

    /** As the API and the stream show it. */
    public PresenceView view() {
        return new PresenceView(state.code(), since, lastSeen, reason == null ? null : reason.code());
    }

    Presence seen(Instant at) {
        return lastSeen != null && !at.isAfter(lastSeen) ? this : new Presence(state, reason, since, at);
    }
}
