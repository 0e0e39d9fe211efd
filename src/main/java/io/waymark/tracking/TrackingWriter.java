package io.waymark.tracking;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.waymark.owntracks.Card;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.Transition;
import io.waymark.owntracks.Waypoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes what devices report, in batches, inside the caller's transaction. Every statement is
 * a JDBC batch so that a batch of N messages costs a handful of round trips, not N.
 * All writes are idempotent: replaying a batch changes nothing.
 */
@Component
public class TrackingWriter {

    private static final List<String> LOCATION_COLUMNS = List.of("user_name", "device_name", "tst", "lat", "lon",
            "acc", "alt", "vac", "vel", "cog", "batt", "bs", "tid", "trigger_type", "conn", "inregions", "ssid",
            "bssid", "created_at", "received_at", "topic", "raw_json");

    private static final List<String> TRANSITION_COLUMNS = List.of("user_name", "device_name", "event",
            "region_key", "descr", "rid", "tst", "wtst", "lat", "lon", "acc", "trigger_type", "received_at",
            "raw_json");

    private static final List<String> WAYPOINT_COLUMNS = List.of("user_name", "device_name", "tst", "descr", "lat",
            "lon", "rad", "rid", "uuid", "major", "minor", "received_at");

    private static final List<String> DEVICE_KEY = List.of("user_name", "device_name");

    private static final String UPDATE_LAST_KNOWN = """
            UPDATE device SET lat = ?, lon = ?, acc = ?, alt = ?, vel = ?, cog = ?, batt = ?, bs = ?, conn = ?,
                tst = ?, received_at = ?, inregions = ?, tid = COALESCE(?, tid)
            WHERE user_name = ? AND device_name = ? AND (tst IS NULL OR tst < ?)""";

    private final JdbcTemplate jdbc;

    private final String insertLocation;

    private final String insertTransition;

    private final String insertWaypoint;

    private final String insertDevice;

    /** Devices known to have a row; saves an insert per batch per device. */
    private final Set<DeviceId> knownDevices = ConcurrentHashMap.newKeySet();

    public TrackingWriter(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertLocation = dialect.insertIgnore("location", LOCATION_COLUMNS,
                List.of("user_name", "device_name", "tst"));
        this.insertTransition = dialect.insertIgnore("region_transition", TRANSITION_COLUMNS,
                List.of("user_name", "device_name", "tst", "event", "region_key"));
        this.insertWaypoint = dialect.insertIgnore("waypoint", WAYPOINT_COLUMNS,
                List.of("user_name", "device_name", "tst"));
        this.insertDevice = dialect.insertIgnore("device", DEVICE_KEY, DEVICE_KEY);
    }

    /** Makes sure every device has a row before anything refers to it. */
    public void ensureDevices(Collection<DeviceId> devices) {
        List<DeviceId> unknown = devices.stream().distinct().filter(d -> !knownDevices.contains(d)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        try {
            insertDevices(unknown);
        }
        catch (DuplicateKeyException ex) {
            // H2: another transaction (presence, on the broker's thread) created the same device
            // meanwhile; H2 waited for it to commit, so merging again now finds its row.
            insertDevices(unknown);
        }
        // Only a committed row is known: until then other transactions cannot see it, and one
        // that skipped the insert would update nothing (the last-known location would be lost).
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    knownDevices.addAll(unknown);
                }
            });
        }
        else {
            knownDevices.addAll(unknown);
        }
    }

    private void insertDevices(List<DeviceId> devices) {
        jdbc.batchUpdate(insertDevice, devices, devices.size(), (ps, d) -> {
            ps.setString(1, d.user());
            ps.setString(2, d.device());
        });
    }

    /** Forgets the device cache, e.g. after a transaction that created devices rolled back. */
    public void forgetDevices() {
        knownDevices.clear();
    }

    /**
     * Appends locations to the history (duplicates ignored) and moves each device's last-known
     * location forward to its newest fix, never backwards.
     *
     * @return the locations that became a device's last-known location (if the database agrees)
     */
    public List<StoredLocation> storeLocations(List<StoredLocation> locations) {
        if (locations.isEmpty()) {
            return List.of();
        }
        jdbc.batchUpdate(insertLocation, locations, locations.size(), this::bindLocation);
        Map<DeviceId, StoredLocation> newest = new LinkedHashMap<>();
        for (StoredLocation l : locations) {
            newest.merge(l.deviceId(), l, (a, b) -> b.location().tst() > a.location().tst() ? b : a);
        }
        List<StoredLocation> candidates = new ArrayList<>(newest.values());
        int[][] updated = jdbc.batchUpdate(UPDATE_LAST_KNOWN, candidates, candidates.size(), this::bindLastKnown);
        List<StoredLocation> moved = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            // drivers may answer SUCCESS_NO_INFO (-2) for batched statements: count it as moved
            int count = updated[0][i];
            if (count != 0) {
                moved.add(candidates.get(i));
            }
        }
        return moved;
    }

    public void updateLastSeen(Map<DeviceId, Instant> lastSeen) {
        if (lastSeen.isEmpty()) {
            return;
        }
        List<Map.Entry<DeviceId, Instant>> entries = new ArrayList<>(lastSeen.entrySet());
        jdbc.batchUpdate("UPDATE device SET last_seen = ? WHERE user_name = ? AND device_name = ?"
                + " AND (last_seen IS NULL OR last_seen < ?)", entries, entries.size(), (ps, e) -> {
                    Timestamp at = Timestamp.from(e.getValue());
                    ps.setTimestamp(1, at);
                    ps.setString(2, e.getKey().user());
                    ps.setString(3, e.getKey().device());
                    ps.setTimestamp(4, at);
                });
    }

    /** A card names the device: its {@code name} becomes the display name. */
    public void storeCard(DeviceId device, Card card) {
        jdbc.update("UPDATE device SET display_name = COALESCE(?, display_name), tid = COALESCE(?, tid)"
                + " WHERE user_name = ? AND device_name = ?", card.name(), card.tid(), device.user(),
                device.device());
    }

    public void storeTransitions(List<StoredTransition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(insertTransition, transitions, transitions.size(), (ps, stored) -> {
            Transition t = stored.transition();
            ps.setString(1, stored.deviceId().user());
            ps.setString(2, stored.deviceId().device());
            ps.setString(3, t.event());
            ps.setString(4, t.rid() != null ? t.rid() : t.desc() != null ? t.desc() : "");
            ps.setString(5, t.desc());
            ps.setString(6, t.rid());
            ps.setLong(7, t.tst());
            setLong(ps, 8, t.wtst());
            setDouble(ps, 9, t.lat());
            setDouble(ps, 10, t.lon());
            setInt(ps, 11, t.acc());
            ps.setString(12, t.trigger());
            ps.setTimestamp(13, Timestamp.from(stored.receivedAt()));
            ps.setString(14, stored.rawJson());
        });
    }

    public void storeWaypoints(DeviceId device, List<Waypoint> waypoints, Instant receivedAt) {
        if (waypoints.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(insertWaypoint, waypoints, waypoints.size(), (ps, w) -> {
            ps.setString(1, device.user());
            ps.setString(2, device.device());
            ps.setLong(3, w.tst());
            ps.setString(4, w.desc());
            setDouble(ps, 5, w.lat());
            setDouble(ps, 6, w.lon());
            setInt(ps, 7, w.rad());
            ps.setString(8, w.rid());
            ps.setString(9, w.uuid());
            setInt(ps, 10, w.major());
            setInt(ps, 11, w.minor());
            ps.setTimestamp(12, Timestamp.from(receivedAt));
        });
    }

    private void bindLocation(PreparedStatement ps, StoredLocation stored) throws SQLException {
        Location l = stored.location();
        ps.setString(1, stored.deviceId().user());
        ps.setString(2, stored.deviceId().device());
        ps.setLong(3, l.tst());
        ps.setDouble(4, l.lat());
        ps.setDouble(5, l.lon());
        setInt(ps, 6, l.acc());
        setInt(ps, 7, l.alt());
        setInt(ps, 8, l.vac());
        setInt(ps, 9, l.vel());
        setInt(ps, 10, l.cog());
        setInt(ps, 11, l.batt());
        setInt(ps, 12, l.bs());
        ps.setString(13, l.tid());
        ps.setString(14, l.trigger());
        ps.setString(15, l.conn());
        ps.setString(16, RegionList.format(l.inregions()));
        ps.setString(17, l.ssid());
        ps.setString(18, l.bssid());
        setLong(ps, 19, l.createdAt());
        ps.setTimestamp(20, Timestamp.from(stored.receivedAt()));
        ps.setString(21, stored.topic());
        ps.setString(22, stored.rawJson());
    }

    private void bindLastKnown(PreparedStatement ps, StoredLocation stored) throws SQLException {
        Location l = stored.location();
        ps.setDouble(1, l.lat());
        ps.setDouble(2, l.lon());
        setInt(ps, 3, l.acc());
        setInt(ps, 4, l.alt());
        setInt(ps, 5, l.vel());
        setInt(ps, 6, l.cog());
        setInt(ps, 7, l.batt());
        setInt(ps, 8, l.bs());
        ps.setString(9, l.conn());
        ps.setLong(10, l.tst());
        ps.setTimestamp(11, Timestamp.from(stored.receivedAt()));
        ps.setString(12, RegionList.format(l.inregions()));
        ps.setString(13, l.tid());
        ps.setString(14, stored.deviceId().user());
        ps.setString(15, stored.deviceId().device());
        ps.setLong(16, l.tst());
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        }
        else {
            ps.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        }
        else {
            ps.setLong(index, value);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        }
        else {
            ps.setDouble(index, value);
        }
    }
}
