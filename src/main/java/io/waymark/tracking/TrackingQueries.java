package io.waymark.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.waymark.device.LocationView;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read side of tracking: a device's location history and transitions. */
@Component
class TrackingQueries {

    private final JdbcTemplate jdbc;

    TrackingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locations with {@code from <= tst <= to} (epoch seconds), oldest first; with a limit, the
     * newest {@code limit} of them (still oldest first).
     */
    List<LocationView> locations(DeviceId id, long from, long to, Integer limit) {
        String sql = "SELECT lat, lon, acc, alt, vel, cog, batt, bs, conn, tst, received_at, inregions FROM location"
                + " WHERE " + LocationKey.ofDevice("id") + " ORDER BY id DESC";
        List<LocationView> newestFirst = limit == null
                ? jdbc.query(sql, (rs, i) -> LocationView.read(rs), LocationKey.range(id, from, to))
                : jdbc.query(sql + " LIMIT ?", (rs, i) -> LocationView.read(rs), LocationKey.range(id, from, to, limit));
        List<LocationView> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Region transitions, newest first. */
    List<TransitionView> transitions(DeviceId id, int limit) {
        return jdbc.query("SELECT event, descr, rid, tst, lat, lon, acc FROM region_transition"
                + " WHERE user_name = ? AND device_name = ? ORDER BY tst DESC, id DESC LIMIT ?",
                (rs, i) -> new TransitionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), (Integer) rs.getObject(7)),
                id.user(), id.device(), limit);
    }

    /** The device's regions (from {@code waypoint}, {@code waypoints} and configuration dumps), oldest first. */
    List<WaypointView> waypoints(DeviceId id) {
        return jdbc.query("SELECT descr, lat, lon, rad, tst, rid, uuid, major, minor FROM waypoint"
                + " WHERE user_name = ? AND device_name = ? ORDER BY tst",
                (rs, i) -> new WaypointView(rs.getString(1), (Double) rs.getObject(2), (Double) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                        (Integer) rs.getObject(8), (Integer) rs.getObject(9)),
                id.user(), id.device());
    }
}
