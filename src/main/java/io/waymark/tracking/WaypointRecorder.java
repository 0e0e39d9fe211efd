package io.waymark.tracking;

import java.time.Instant;
import java.util.List;

import io.waymark.config.SqlColumns;
import io.waymark.config.SqlDialect;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Waypoint;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores the regions a device defines ({@code waypoint} and {@code waypoints} messages). */
@Component
class WaypointRecorder {

    private static final SqlColumns<Row> COLUMNS = new SqlColumns<Row>()
        .text("user_name", r -> r.deviceId().user())
        .text("device_name", r -> r.deviceId().device())
        .bigint("tst", r -> r.waypoint().tst())
        .text("descr", r -> r.waypoint().desc())
        .decimal("lat", r -> r.waypoint().lat())
        .decimal("lon", r -> r.waypoint().lon())
        .integer("rad", r -> r.waypoint().rad())
        .text("rid", r -> r.waypoint().rid())
        .text("uuid", r -> r.waypoint().uuid())
        .integer("major", r -> r.waypoint().major())
        .integer("minor", r -> r.waypoint().minor())
        .timestamp("received_at", Row::receivedAt);

    private final NamedParameterJdbcTemplate jdbc;

    private final String insert;

    WaypointRecorder(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insert = dialect.insertIgnore("waypoint", COLUMNS.names(), List.of("user_name", "device_name", "tst"));
    }

    void store(List<Row> waypoints) {
        if (!waypoints.isEmpty()) {
            jdbc.batchUpdate(insert, COLUMNS.sources(waypoints));
        }
    }

    record Row(DeviceId deviceId, Waypoint waypoint, Instant receivedAt) {
    }
}
