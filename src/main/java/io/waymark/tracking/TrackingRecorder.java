package io.waymark.tracking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.waymark.config.AfterCommit;
import io.waymark.owntracks.Configuration;
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
 * publishes {@link LocationStored} and {@link TransitionStored} once it has committed.
 */
@Component
public class TrackingRecorder {

    private final LocationRecorder locations;

    private final TransitionRecorder transitions;

    private final WaypointRecorder waypoints;

    private final ApplicationEventPublisher events;

    TrackingRecorder(LocationRecorder locations, TransitionRecorder transitions, WaypointRecorder waypoints,
            ApplicationEventPublisher events) {
        this.locations = locations;
        this.transitions = transitions;
        this.waypoints = waypoints;
        this.events = events;
    }

    public void record(List<ReceivedMessage> messages) {
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
        Set<ReceivedLocation> lastKnown = new HashSet<>(locations.store(fixes));
        transitions.store(crossings);
        waypoints.store(regions);
        List<Object> stored = new ArrayList<>(fixes.size() + crossings.size());
        fixes.forEach(l -> stored.add(new LocationStored(l, lastKnown.contains(l))));
        crossings.forEach(t -> stored.add(new TransitionStored(t)));
        AfterCommit.publish(events, stored);
    }
}
