package io.waymark.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read side of tracking: devices with their last-known location, history and transitions. */
@Component
public class TrackingQueries {

    private static final String DEVICE_COLUMNS = "user_name, device_name, tid, display_name, presence_state,"
            + " presence_reason, presence_since, last_seen, lat, lon, acc, alt, vel, cog, batt, bs, conn, tst,"
            + " received_at, inregions";

    private final JdbcTemplate jdbc;

    public TrackingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All devices, optionally of one user and/or in one presence state, by user and device. */
    public List<DeviceSnapshot> devices(String user, String presenceState) {
        StringBuilder sql = new StringBuilder("SELECT " + DEVICE_COLUMNS + " FROM device WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (user != null) {
            sql.append(" AND user_name = ?");
            args.add(user);
        }
        if (presenceState != null) {
            // a device never heard from in a way that proves presence counts as offline
            sql.append("online".equals(presenceState) ? " AND presence_state = ?"
                    : " AND (presence_state = ? OR presence_state IS NULL)");
            args.add(presenceState);
        }
        sql.append(" ORDER BY user_name, device_name");
        return jdbc.query(sql.toString(), (rs, i) -> device(rs), args.toArray());
    }

    public Optional<DeviceSnapshot> device(DeviceId id) {
        return jdbc.query("SELECT " + DEVICE_COLUMNS + " FROM device WHERE user_name = ? AND device_name = ?",
                (rs, i) -> device(rs), id.user(), id.device()).stream().findFirst();
    }

    /**
     * Locations with {@code from <= tst <= to} (epoch seconds), oldest first; with a limit, the
     * newest {@code limit} of them (still oldest first).
     */
    public List<LocationRecord> locations(DeviceId id, long from, long to, Integer limit) {
        String sql = "SELECT lat, lon, acc, alt, vel, cog, batt, bs, conn, tst, received_at, inregions FROM location"
                + " WHERE user_name = ? AND device_name = ? AND tst >= ? AND tst <= ? ORDER BY tst DESC";
        List<LocationRecord> newestFirst = limit == null
                ? jdbc.query(sql, (rs, i) -> location(rs, 1), id.user(), id.device(), from, to)
                : jdbc.query(sql + " LIMIT ?", (rs, i) -> location(rs, 1), id.user(), id.device(), from, to, limit);
        List<LocationRecord> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Region transitions, newest first. */
    public List<TransitionRecord> transitions(DeviceId id, int limit) {
        return jdbc.query("SELECT event, descr, rid, tst, lat, lon, acc FROM region_transition"
                + " WHERE user_name = ? AND device_name = ? ORDER BY tst DESC, id DESC LIMIT ?",
                (rs, i) -> new TransitionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), (Integer) rs.getObject(7)),
                id.user(), id.device(), limit);
    }

    private static DeviceSnapshot device(ResultSet rs) throws SQLException {
        LocationRecord location = rs.getObject(18) == null ? null : location(rs, 9);
        return new DeviceSnapshot(new DeviceId(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), location);
    }

    /** Reads the 12 location columns starting at {@code first}. */
    private static LocationRecord location(ResultSet rs, int first) throws SQLException {
        int c = first;
        return new LocationRecord(rs.getDouble(c), rs.getDouble(c + 1), integer(rs, c + 2), integer(rs, c + 3),
                integer(rs, c + 4), integer(rs, c + 5), integer(rs, c + 6), integer(rs, c + 7), rs.getString(c + 8),
                rs.getLong(c + 9), instant(rs, c + 10), RegionList.parse(rs.getString(c + 11)));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Reads a TIMESTAMP WITH TIME ZONE as it is stored, without a detour through local time. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
