package io.waymark.dashboard;

import java.time.Instant;
import java.util.List;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.Topic;
import io.waymark.owntracks.Transition;
import io.waymark.presence.Presence;
import io.waymark.presence.PresenceChanged;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.StoredLocation;
import io.waymark.tracking.StoredTransition;
import io.waymark.tracking.TransitionStored;

/**
 * One event on the stream: its SSE event name and the JSON body. The bodies use the same shapes
 * as the REST API ({@code location} and {@code presence} objects as in {@code GET /api/v1/devices})
 * so that the page applies a pushed change and a fetched one with the same code.
 */
record StreamEvent(String name, Object data) {

    /** Sent when events were dropped: the page should fetch the current state again. */
    static final StreamEvent RESYNC = new StreamEvent("resync", new Resync("events were dropped"));

    /** Maps an application event from {@code tracking} or {@code presence}; null for any other. */
    static StreamEvent of(Object applicationEvent) {
        if (applicationEvent instanceof LocationStored stored) {
            return location(stored);
        }
        if (applicationEvent instanceof PresenceChanged changed) {
            return presence(changed);
        }
        if (applicationEvent instanceof TransitionStored stored) {
            return transition(stored.transition());
        }
        return null;
    }

    private static StreamEvent location(LocationStored stored) {
        StoredLocation s = stored.location();
        Location l = s.location();
        DeviceId id = s.deviceId();
        return new StreamEvent("location", new LocationEvent(id.user(), id.device(), tid(id, l.tid()),
                stored.lastKnown(), new LocationBody(l.lat(), l.lon(), l.acc(), l.alt(), l.vel(), l.cog(), l.batt(),
                        l.bs(), l.conn(), l.tst(), Instant.ofEpochSecond(l.tst()), s.receivedAt(), l.inregions())));
    }

    private static StreamEvent presence(PresenceChanged changed) {
        Presence p = changed.presence();
        DeviceId id = changed.deviceId();
        return new StreamEvent("presence", new PresenceEvent(id.user(), id.device(),
                new PresenceBody(p.state().code(), p.since(), p.lastSeen(), p.reason() == null ? null : p.reason().code())));
    }

    private static StreamEvent transition(StoredTransition s) {
        Transition t = s.transition();
        DeviceId id = s.deviceId();
        return new StreamEvent("transition", new TransitionEvent(id.user(), id.device(), tid(id, t.tid()), t.event(),
                t.desc(), t.rid(), t.tst(), Instant.ofEpochSecond(t.tst()), t.lat(), t.lon(), t.acc(), s.receivedAt()));
    }

    private static String tid(DeviceId id, String tid) {
        return tid != null ? tid : new Topic("", id.user(), id.device(), null).defaultTid();
    }

    /**
     * @param lastKnown false for a fix older than the device's last-known one (e.g. a backlog
     *     arriving after a reconnect): it belongs to the history, the marker stays
     */
    record LocationEvent(String user, String device, String tid, boolean lastKnown, LocationBody location) {
    }

    record LocationBody(double lat, double lon, Integer acc, Integer alt, Integer vel, Integer cog, Integer batt,
            Integer bs, String conn, long tst, Instant time, Instant receivedAt, List<String> inregions) {
    }

    record PresenceEvent(String user, String device, PresenceBody presence) {
    }

    record PresenceBody(String state, Instant since, Instant lastSeen, String reason) {
    }

    record TransitionEvent(String user, String device, String tid, String event, String desc, String rid, long tst,
            Instant time, Double lat, Double lon, Integer acc, Instant receivedAt) {
    }

    record Resync(String reason) {
    }
}
