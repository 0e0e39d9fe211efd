package io.waymark.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.waymark.config.SqlTime;
import io.waymark.owntracks.Location;

/**
 * A location as the API and the stream show it: a device's last-known one or one of its
 * history. {@code tst} stays epoch seconds as in OwnTracks; {@code time} is the same instant as
 * ISO-8601; {@code receivedAt} is when Waymark got it.
 */
public record LocationView(double lat, double lon, Integer acc, Integer alt, Integer vel, Integer cog, Integer batt,
        Integer bs, String conn, long tst, Instant time, Instant receivedAt, List<String> inregions) {

    public static LocationView of(Location l, Instant receivedAt) {
        return new LocationView(l.lat(), l.lon(), l.acc(), l.alt(), l.vel(), l.cog(), l.batt(), l.bs(), l.conn(),
                l.tst(), Instant.ofEpochSecond(l.tst()), receivedAt, l.inregions());
    }

    /**
     * Reads the location columns, named alike in {@code device} (the last-known location) and
     * {@code location} (the history).
     */
    public static LocationView read(ResultSet rs) throws SQLException {
        long tst = rs.getLong("tst");
        return new LocationView(rs.getDouble("lat"), rs.getDouble("lon"), integer(rs, "acc"), integer(rs, "alt"),
                integer(rs, "vel"), integer(rs, "cog"), integer(rs, "batt"), integer(rs, "bs"), rs.getString("conn"),
                tst, Instant.ofEpochSecond(tst), SqlTime.instant(rs, "received_at"),
                RegionList.parse(rs.getString("inregions")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
