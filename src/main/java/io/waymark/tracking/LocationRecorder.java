package io.waymark.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.waymark.config.InsertIgnore;
import io.waymark.config.SqlColumns;
import io.waymark.config.SqlDialect;
import io.waymark.device.DeviceRegistry;
import io.waymark.device.LastKnownWrite;
import io.waymark.device.RegionList;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends locations to the history (duplicates ignored) and moves each device's last-known
 * location forward to its newest fix, never backwards. Two JDBC batches per call, however many
 * locations; idempotent, so a replayed batch changes nothing. Both are bound positionally from
 * one column table (the ingest writer's hot path).
 */
@Component
class LocationRecorder {

    private static final SqlColumns<ReceivedLocation> COLUMNS = new SqlColumns<ReceivedLocation>()
        .text("user_name", r -> r.deviceId().user())
        .text("device_name", r -> r.deviceId().device())
        .bigint("tst", r -> r.location().tst())
        .decimal("lat", r -> r.location().lat())
        .decimal("lon", r -> r.location().lon())
        .integer("acc", r -> r.location().acc())
        .integer("alt", r -> r.location().alt())
        .integer("vac", r -> r.location().vac())
        .integer("vel", r -> r.location().vel())
        .integer("cog", r -> r.location().cog())
        .integer("batt", r -> r.location().batt())
        .integer("bs", r -> r.location().bs())
        .text("tid", r -> r.location().tid())
        .text("trigger_type", r -> r.location().trigger())
        .text("conn", r -> r.location().conn())
        .text("inregions", r -> RegionList.format(r.location().inregions()))
        .text("ssid", r -> r.location().ssid())
        .text("bssid", r -> r.location().bssid())
        .bigint("created_at", r -> r.location().createdAt())
        .timestamp("received_at", ReceivedLocation::receivedAt)
        .text("topic", ReceivedLocation::topic)
        .text("raw_json", ReceivedLocation::rawJson);

    /** A fix with its key in the history ({@link LocationKey}). */
    private record Keyed(long id, ReceivedLocation location) {
    }

    private static final SqlColumns<Keyed> ROW = COLUMNS.<Keyed>of(Keyed::location).bigint("id", Keyed::id);

    /** A device's newest fix of the batch, its row's id, and when it was last seen (for the same UPDATE). */
    private record LastKnown(ReceivedLocation location, long deviceRow, Instant seen) {
    }

    /** In {@code device_last_known}, keyed by the device row's id (migration V9: no index of {@code device} is touched). */
    private static final SqlColumns.Statement<LastKnown> UPDATE_LAST_KNOWN = COLUMNS.<LastKnown>of(LastKnown::location)
        .timestamp("seen", LastKnown::seen)
        .bigint("device_id", LastKnown::deviceRow)
        .statement("""
            UPDATE device_last_known SET lat = :lat, lon = :lon, acc = :acc, alt = :alt, vel = :vel, cog = :cog,
                batt = :batt, bs = :bs, conn = :conn, tst = :tst, received_at = :received_at, inregions = :inregions,
                tid = COALESCE(:tid, tid), %s
            WHERE device_id = :device_id AND (tst IS NULL OR tst < :tst)""".formatted(DeviceRegistry.LAST_SEEN_FORWARD));

    private final JdbcTemplate jdbc;

    private final InsertIgnore<Keyed> insertLocation;

    private final DeviceRegistry devices;

    LocationRecorder(JdbcTemplate jdbc, SqlDialect dialect, DeviceRegistry devices) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.insertLocation = dialect.insertIgnoreBatch("location", ROW, List.of("id"));
    }

    /**
     * @param seen when each device was last heard from in this batch: written with the last-known
     *        location, in the same statement
     * @return the locations that became a device's last-known location (if the database agrees),
     *         and the {@code last_seen} written with them
     */
    Stored store(List<ReceivedLocation> locations, Map<DeviceId, Instant> seen) {
        if (locations.isEmpty()) {
            return new Stored(List.of(), List.of(), List.of());
        }
        Map<DeviceId, ReceivedLocation> newest = new LinkedHashMap<>();
        for (ReceivedLocation l : locations) {
            newest.merge(l.deviceId(), l, (a, b) -> b.location().tst() > a.location().tst() ? b : a);
        }
        Map<DeviceId, Long> deviceRows = devices.ensure(newest.keySet());
        List<Keyed> keyed = new ArrayList<>(locations.size());
        for (ReceivedLocation l : locations) {
            keyed.add(new Keyed(LocationKey.of(deviceRows.get(l.deviceId()), l.location().tst()), l));
        }
        insertLocation.batch(jdbc, keyed);
        List<ReceivedLocation> candidates = new ArrayList<>(newest.values());
        List<LastKnown> rows = new ArrayList<>(candidates.size());
        for (ReceivedLocation l : candidates) {
            rows.add(new LastKnown(l, deviceRows.get(l.deviceId()), seen.get(l.deviceId())));
        }
        int[] updated = UPDATE_LAST_KNOWN.batch(jdbc, rows);
        List<ReceivedLocation> moved = new ArrayList<>();
        List<LastKnownWrite> writes = new ArrayList<>();
        List<DeviceId> unsure = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            // drivers may answer SUCCESS_NO_INFO (-2) for batched statements: count it as moved,
            // but not as last-seen written (the presence module then writes it on its own)
            ReceivedLocation l = candidates.get(i);
            if (updated[i] != 0) {
                moved.add(l);
            }
            if (updated[i] > 0) {
                writes.add(new LastKnownWrite(l.deviceId(), l.location(), l.receivedAt(), seen.get(l.deviceId())));
            }
            else if (updated[i] < 0) {
                unsure.add(l.deviceId());
            }
        }
        return new Stored(moved, writes, unsure);
    }

    /**
     * @param lastKnown the locations that became a device's last-known one, {@code unsure}'s included
     * @param writes the last-known locations whose {@code UPDATE} matched a row, as written
     * @param unsure devices whose {@code UPDATE} may or may not have matched (the driver did not say)
     */
    record Stored(List<ReceivedLocation> lastKnown, List<LastKnownWrite> writes, List<DeviceId> unsure) {

        /** The {@code last_seen}s written with the locations. */
        Map<DeviceId, Instant> lastSeen() {
            Map<DeviceId, Instant> written = new HashMap<>();
            for (LastKnownWrite w : writes) {
                if (w.seen() != null) {
                    written.put(w.device(), w.seen());
                }
            }
            return written;
        }
    }
}
