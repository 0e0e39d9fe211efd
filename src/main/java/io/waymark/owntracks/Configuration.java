package io.waymark.owntracks;

import java.util.List;

/**
 * A configuration dump ({@code _type: configuration}), the answer to a {@code dump} command:
 * kept as raw JSON (its fields are the app's settings), with the regions it lists.
 */
public record Configuration(String json, List<Waypoint> waypoints) implements OwnTracksMessage {

    public Configuration {
        waypoints = List.copyOf(waypoints);
    }

    @Override
    public String type() {
        return "configuration";
    }
}
