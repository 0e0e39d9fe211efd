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

    /**
     * Every message's {@code tst} is below this: 2^34 epoch seconds, the year 2514. The location
     * history's key ({@code tracking.LocationKey}) holds a device's number and a {@code tst} in
     * one BIGINT, with room for no more; a later {@code tst} (milliseconds, say) is out of range.
     */
    public static final long TST_LIMIT = 1L << 34;

    public Location {
        inregions = inregions == null ? List.of() : List.copyOf(inregions);
        inrids = inrids == null ? List.of() : List.copyOf(inrids);
    }

    @Override
    public String type() {
        return "location";
    }
}
