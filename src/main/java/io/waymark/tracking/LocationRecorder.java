package io.waymark.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.waymark.config.InsertIgnore;
import io.waymark.config.SqlColumns;
import io.waymark.config.SqlDialect;
import io.waymark.device.RegionList;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends locations to the history (duplicates ignored) and moves each device's last-known
 * location forward to its newest fix, never backwards. Two JDBC batches per call, however many
 * locations; idempotent, so a replayed batch changes nothing.
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

    private static final String UPDATE_LAST_KNOWN = """
            UPDATE device SET lat = :lat, lon = :lon, acc = :acc, alt = :alt, vel = :vel, cog = :cog, batt = :batt,
                bs = :bs, conn = :conn, tst = :tst, received_at = :received_at, inregions = :inregions,
                tid = COALESCE(:tid, tid)
            WHERE user_name = :user_name AND device_name = :device_name AND (tst IS NULL OR tst < :tst)""";

    private final NamedParameterJdbcTemplate jdbc;

    private final InsertIgnore insertLocation;

    LocationRecorder(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertLocation = dialect.insertIgnoreBatch("location", COLUMNS.names(),
                List.of("user_name", "device_name", "tst"));
    }

    /** @return the locations that became a device's last-known location (if the database agrees) */
    List<ReceivedLocation> store(List<ReceivedLocation> locations) {
        if (locations.isEmpty()) {
            return List.of();
        }
        insertLocation.batch(jdbc, COLUMNS.sources(locations));
        Map<DeviceId, ReceivedLocation> newest = new LinkedHashMap<>();
        for (ReceivedLocation l : locations) {
            newest.merge(l.deviceId(), l, (a, b) -> b.location().tst() > a.location().tst() ? b : a);
        }
        List<ReceivedLocation> candidates = new ArrayList<>(newest.values());
        int[] updated = jdbc.batchUpdate(UPDATE_LAST_KNOWN, COLUMNS.sources(candidates));
        List<ReceivedLocation> moved = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            // drivers may answer SUCCESS_NO_INFO (-2) for batched statements: count it as moved
            if (updated[i] != 0) {
                moved.add(candidates.get(i));
            }
        }
        return moved;
    }

}
