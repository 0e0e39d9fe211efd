package io.waymark.tracking;

import java.time.Instant;
import java.util.List;

/** A stored location, as read back (history or last-known). */
public record LocationRecord(double lat, double lon, Integer acc, Integer alt, Integer vel, Integer cog, Integer batt,
        Integer bs, String conn, long tst, Instant receivedAt, List<String> inregions) {
}
