package io.waymark.dashboard;

import java.time.Instant;

import io.waymark.cluster.ClusterEventsMissed;
import io.waymark.device.LocationView;
import io.waymark.device.PresenceView;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transition;
import io.waymark.presence.PresenceChanged;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.ReceivedLocation;
import io.waymark.tracking.ReceivedTransition;
import io.waymark.tracking.TransitionStored;

/**
 * One event on the stream: its SSE event name and the JSON body. The bodies use the same shapes
 * as the REST API ({@code location} and {@code presence} objects as in {@code GET /api/v1/devices})
 * so that the page applies a pushed change and a fetched one with the same code.
 *
 * @param user the owner of the device the event is about (who may see it), null for none
 */
record StreamEvent(String name, String user, Object data) {

    /** Sent when events were dropped: the page should fetch the current state again. */
    static final StreamEvent RESYNC = new StreamEvent("resync", null, new Resync("events were dropped"));

    /** Maps an application event from {@code tracking}, {@code presence} or {@code cluster}; null for any other. */
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
        if (applicationEvent instanceof ClusterEventsMissed missed) {
            return new StreamEvent("resync", null, new Resync(missed.reason()));
        }
        return null;
    }

    private static StreamEvent location(LocationStored stored) {
        ReceivedLocation s = stored.location();
        DeviceId id = s.deviceId();
        return new StreamEvent("location", id.user(),
                new LocationEvent(id.user(), id.device(), tid(id, s.location().tid()),
                stored.lastKnown(), LocationView.of(s.location(), s.receivedAt())));
    }

    private static StreamEvent presence(PresenceChanged changed) {
        DeviceId id = changed.deviceId();
        return new StreamEvent("presence", id.user(),
                new PresenceEvent(id.user(), id.device(), id.defaultTid(), changed.presence().view()));
    }

    private static StreamEvent transition(ReceivedTransition s) {
        Transition t = s.transition();
        DeviceId id = s.deviceId();
        return new StreamEvent("transition", id.user(),
                new TransitionEvent(id.user(), id.device(), tid(id, t.tid()), t.event(),
                t.desc(), t.rid(), t.tst(), Instant.ofEpochSecond(t.tst()), t.lat(), t.lon(), t.acc(), s.receivedAt()));
    }

    private static String tid(DeviceId id, String tid) {
        return tid != null ? tid : id.defaultTid();
    }

    /**
     * @param lastKnown false for a fix older than the device's last-known one (e.g. a backlog
     *     arriving after a reconnect): it belongs to the history, the marker stays
     */
    record LocationEvent(String user, String device, String tid, boolean lastKnown, LocationView location) {
    }

    /** @param tid the default tracker id, for a device the page has not fetched yet */
    record PresenceEvent(String user, String device, String tid, PresenceView presence) {
    }

    record TransitionEvent(String user, String device, String tid, String event, String desc, String rid, long tst,
            Instant time, Double lat, Double lon, Integer acc, Instant receivedAt) {
    }

    record Resync(String reason) {
    }
}
