package io.waymark.config;

import java.util.List;

/**
 * A listener of an event published at message rate ({@code tracking.LocationStored}, one per
 * stored location; {@code device.DevicesChanged}, one per batch) that says cheaply whether it
 * would act on one now: the dashboard only while a page is open, the recorder websocket only
 * while a socket is, the cluster only on PostgreSQL. The publisher asks {@link EventAudiences}
 * and builds and publishes only the events some audience wants, so with nobody listening a batch
 * costs no event at all. Every listener of this instance's such events must be one (a listener
 * of other instances' replays only, like {@code device.RemoteDeviceChanges}, need not).
 */
public interface EventAudience {

    /** Asked once per event before it is published, on the writer's thread: a field read, no I/O. */
    boolean wants(Object event);

    static boolean anyWants(List<EventAudience> audiences, Object event) {
        for (EventAudience audience : audiences) {
            if (audience.wants(event)) {
                return true;
            }
        }
        return false;
    }
}
