package io.waymark.owntracks;

import java.util.List;

/** All regions of a device at once ({@code _type: waypoints}). */
public record Waypoints(List<Waypoint> waypoints) implements OwnTracksMessage {

    public Waypoints {
        waypoints = List.copyOf(waypoints);
    }

    @Override
    public String type() {
        return "waypoints";
    }
}
