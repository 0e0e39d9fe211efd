package io.waymark.api;

import io.waymark.owntracks.Topic;
import io.waymark.tracking.DeviceSnapshot;

/** A device in the API: identity, presence and last-known location (null before the first fix). */
record DeviceView(String user, String device, String tid, String name, PresenceView presence, LocationView location) {

    static DeviceView of(DeviceSnapshot d) {
        String tid = d.tid() != null ? d.tid() : new Topic("", d.id().user(), d.id().device(), null).defaultTid();
        return new DeviceView(d.id().user(), d.id().device(), tid, d.name() != null ? d.name() : d.id().device(),
                new PresenceView(d.presenceState() != null ? d.presenceState() : "offline", d.presenceSince(),
                        d.lastSeen(), d.presenceReason()),
                d.location() == null ? null : LocationView.of(d.location()));
    }
}
