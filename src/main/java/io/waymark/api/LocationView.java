package io.waymark.api;

import java.time.Instant;
import java.util.List;

import io.waymark.tracking.LocationRecord;

/**
 * A location in the API. {@code tst} stays epoch seconds as in OwnTracks; {@code time} is the
 * same instant as ISO-8601; {@code receivedAt} is when Waymark got it.
 */
record LocationView(double lat, double lon, Integer acc, Integer alt, Integer vel, Integer cog, Integer batt,
        Integer bs, String conn, long tst, Instant time, Instant receivedAt, List<String> inregions) {

    static LocationView of(LocationRecord l) {
        return new LocationView(l.lat(), l.lon(), l.acc(), l.alt(), l.vel(), l.cog(), l.batt(), l.bs(), l.conn(),
                l.tst(), Instant.ofEpochSecond(l.tst()), l.receivedAt(), l.inregions());
    }
}
