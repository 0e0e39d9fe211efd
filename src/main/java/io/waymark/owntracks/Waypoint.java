package io.waymark.owntracks;

/** A region the device monitors; {@code tst} is its key (when it was created). */
public record Waypoint(String desc, Double lat, Double lon, Integer rad, long tst, String rid,
        String uuid, Integer major, Integer minor) implements OwnTracksMessage {

    @Override
    public String type() {
        return "waypoint";
    }
}
