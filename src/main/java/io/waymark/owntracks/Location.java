package io.waymark.owntracks;

import java.util.List;

/**
 * A position fix ({@code _type: location}). {@code lat}, {@code lon} and {@code tst} are
 * required; every other field is optional and {@code null} when the app left it out.
 */
public record Location(double lat, double lon, long tst, Integer acc, Integer alt, Integer vac,
        Integer vel, Integer cog, Integer batt, Integer bs, String tid, String trigger, String conn,
        List<String> inregions, List<String> inrids, String ssid, String bssid, Double pressure,
        Integer monitoringMode, Long createdAt) implements OwnTracksMessage {

    public Location {
        inregions = inregions == null ? List.of() : List.copyOf(inregions);
        inrids = inrids == null ? List.of() : List.copyOf(inrids);
    }

    @Override
    public String type() {
        return "location";
    }
}
