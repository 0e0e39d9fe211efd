package io.waymark.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.waymark.config.AfterCommit;
import io.waymark.config.EventAudience;
import io.waymark.config.EventAudiences;
import io.waymark.device.DeviceChanges;
import io.waymark.owntracks.Configuration;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.Transition;
import io.waymark.owntracks.Waypoint;
import io.waymark.owntracks.Waypoints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tracking's hand-off from the ingestion writer: takes the locations, transitions and
 * waypoints (also those listed in a configuration dump) of a batch, stores them in the caller's transaction (the device rows exist), and
 * publishes {@link LocationStored} and {@link TransitionStored} once it has committed. A
 * {@link LocationStored} is published only when an {@link EventAudience} wants it: at thousands
 * of locations a second, an event for nobody was a few per cent of the writer's CPU.
 */
@Component
public class TrackingRecorder {

    private final LocationRecorder locations;

    private final TransitionRecorder transitions;

    private final WaypointRecorder waypoints;

    private final ApplicationEventPublisher events;

    private final EventAudiences audiences;

    private final DeviceChanges deviceChanges;

    TrackingRecorder(LocationRecorder locations, TransitionRecorder transitions, WaypointRecorder waypoints,
            ApplicationEventPublisher events, EventAudiences audiences, DeviceChanges deviceChanges) {
        this.locations = locations;
        this.transitions = transitions;
        this.waypoints = waypoints;
        this.events = events;
        this.audiences = audiences;
        this.deviceChanges = deviceChanges;
    }

    /**
     * @param lastSeen when each device was last heard from in this batch (the presence module's
     *        rule): written with the last-known location, in the same statement on the same row
     * @return the {@code last_seen}s it wrote that way; the presence module writes the rest
     */
    public Map<DeviceId, Instant> record(List<ReceivedMessage> messages, Map<DeviceId, Instant> lastSeen) {
        List<ReceivedLocation> fixes = new ArrayList<>();
        List<ReceivedTransition> crossings = new ArrayList<>();
        List<WaypointRecorder.Row> regions = new ArrayList<>();
        for (ReceivedMessage m : messages) {
            if (m.message() instanceof Location l) {
                fixes.add(new ReceivedLocation(m.deviceId(), l, m.receivedAt(), m.topic(), m.json(), m.transport(),
                        m.encrypted()));
            }
            else if (m.message() instanceof Transition t) {
                crossings.add(new ReceivedTransition(m.deviceId(), t, m.receivedAt(), m.json()));
            }
            else if (m.message() instanceof Waypoint w) {
                regions.add(new WaypointRecorder.Row(m.deviceId(), w, m.receivedAt()));
            }
            else if (m.message() instanceof Waypoints w) {
                w.waypoints().forEach(one -> regions.add(new WaypointRecorder.Row(m.deviceId(), one, m.receivedAt())));
            }
            else if (m.message() instanceof Configuration dump) {
                dump.waypoints().forEach(one -> regions.add(new WaypointRecorder.Row(m.deviceId(), one, m.receivedAt())));
            }
        }
        // by identity: the recorder answers with the very objects it was given, and hashing whole
        // records (raw JSON, doubles, lists) was 8% of the writer
        Set<ReceivedLocation> lastKnown = Collections.newSetFromMap(new IdentityHashMap<>());
        LocationRecorder.Stored written = locations.store(fixes, lastSeen);
        lastKnown.addAll(written.lastKnown());
        // the last-known UPDATE moved these device rows (and their last_seen with them)
        deviceChanges.lastKnownWritten(written.writes());
        deviceChanges.changed(written.unsure());
        transitions.store(crossings);
        waypoints.store(regions);
        List<Object> stored = new ArrayList<>(crossings.size());
        for (ReceivedLocation l : fixes) {
            LocationStored event = new LocationStored(l, lastKnown.contains(l));
            if (audiences.anyWants(event)) {
                stored.add(event);
            }
        }
        crossings.forEach(t -> stored.add(new TransitionStored(t)));
        AfterCommit.publish(events, stored);
        return written.lastSeen();
    }
}
