package io.waymark.recorder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;
import io.waymark.tracking.LocationKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the Recorder API reads: users, devices, last-known locations and the history. */
@Component
class RecorderQueries {

    /** Rows fetched per round trip while streaming a history. */
    private static final int FETCH_SIZE = 1000;

    private static final String LOCATION_COLUMNS = "l.user_name, l.device_name, l.topic, l.lat, l.lon, l.tst,"
            + " l.received_at, l.raw_json";

    private final JdbcTemplate jdbc;

    private final JdbcTemplate streaming;

    private final TransactionTemplate readOnly;

    RecorderQueries(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    List<String> users() {
        return jdbc.queryForList("SELECT DISTINCT user_name FROM device ORDER BY user_name", String.class);
    }

    List<String> devices(String user) {
        return jdbc.queryForList("SELECT device_name FROM device WHERE user_name = ? ORDER BY device_name",
                String.class, user);
    }

    /**
     * Each device's last-known location (the fix with the newest {@code tst}) with its card's
     * name and face (base64, as the app sent it), by user and device; of one user, or of one device, when given.
     */
    List<LastLocation> last(String user, String device) {
        StringBuilder sql = new StringBuilder("SELECT " + LOCATION_COLUMNS + ", d.display_name, r.face FROM device d"
                + " JOIN device_last_known k ON k.device_id = d.id"
                + " JOIN location l ON l.id = " + LocationKey.ofLastKnown("k")
                + " LEFT JOIN device_report r ON r.user_name = d.user_name AND r.device_name = d.device_name");
        List<Object> args = new ArrayList<>();
        if (user != null) {
            sql.append(" WHERE d.user_name = ?");
            args.add(user);
            if (device != null) {
                sql.append(" AND d.device_name = ?");
                args.add(device);
            }
        }
        sql.append(" ORDER BY d.user_name, d.device_name");
        return jdbc.query(sql.toString(), (rs, i) -> new LastLocation(location(rs), rs.getString(9), rs.getString(10)), args.toArray());
    }

    /**
     * Streams a device's fixes with {@code from <= tst <= to} to {@code each}, oldest first; with
     * a limit, the newest {@code limit} of them, newest first (the Recorder reads its files
     * backwards then). Runs in a read-only transaction so that PostgreSQL uses a cursor.
     */
    void locations(String user, String device, long from, long to, int limit, Consumer<RecorderLocation> each) {
        String sql = "SELECT " + LOCATION_COLUMNS + " FROM location l WHERE " + LocationKey.ofDevice("l.id")
                + " ORDER BY l.id " + (limit > 0 ? "DESC LIMIT ?" : "ASC");
        DeviceId id = new DeviceId(user, device);
        Object[] args = limit > 0 ? LocationKey.range(id, from, to, limit) : LocationKey.range(id, from, to);
        readOnly.executeWithoutResult(status -> streaming.query(sql, rs -> {
            each.accept(location(rs));
        }, args));
    }

    /**
     * When Waymark last heard from any device {@code viewer} may see, and on which topic (the
     * Recorder's monitor file).
     */
    Optional<Heard> lastHeard(Viewer viewer) {
        String sql = "SELECT k.last_seen, d.user_name, d.device_name, l.topic FROM device d"
                + " JOIN device_last_known k ON k.device_id = d.id"
                + " LEFT JOIN location l ON l.id = " + LocationKey.ofLastKnown("k")
                + " WHERE k.last_seen IS NOT NULL ORDER BY k.last_seen DESC";
        List<Heard> heard = jdbc.query(viewer.admin() ? sql + " LIMIT 1" : sql,
                (rs, i) -> new Heard(instant(rs, 1), rs.getString(2), rs.getString(4) != null ? rs.getString(4)
                        : "owntracks/" + rs.getString(2) + "/" + rs.getString(3)));
        return viewer.visible(heard, Heard::user).stream().findFirst();
    }

    private static RecorderLocation location(ResultSet rs) throws SQLException {
        return new RecorderLocation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                rs.getDouble(5), rs.getLong(6), instant(rs, 7), rs.getString(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A last-known location and the name from the device's card (null when none came). */
    record LastLocation(RecorderLocation location, String name, String face) {
    }

    record Heard(Instant at, String user, String topic) {
    }
}
