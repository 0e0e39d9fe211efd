package io.waymark.presence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.waymark.config.SqlColumns;
import io.waymark.config.SqlTime;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Presence in the database: the current state in the device row's presence columns, every
 * change in {@code presence_event}. Runs in the caller's transaction; the device rows exist.
 */
@Component
class PresenceStore {

    private static final SqlColumns<PresenceChanged> COLUMNS = new SqlColumns<PresenceChanged>()
        .text("user_name", c -> c.deviceId().user())
        .text("device_name", c -> c.deviceId().device())
        .text("state", c -> c.presence().state().code())
        .text("reason", c -> c.presence().reason().code())
        .timestamp("at", c -> c.presence().since());

    private final NamedParameterJdbcTemplate jdbc;

    PresenceStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<DeviceId, Presence> loadAll() {
        Map<DeviceId, Presence> all = new HashMap<>();
        jdbc.getJdbcTemplate().query("SELECT user_name, device_name, presence_state, presence_reason, presence_since,"
                + " last_seen FROM device WHERE presence_state IS NOT NULL", rs -> {
                    all.put(new DeviceId(rs.getString(1), rs.getString(2)),
                            new Presence(PresenceState.fromCode(rs.getString(3)),
                                    PresenceReason.fromCode(rs.getString(4)), SqlTime.instant(rs, 5),
                                    SqlTime.instant(rs, 6)));
                });
        return all;
    }

    void record(List<PresenceChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE device SET presence_state = :state, presence_reason = :reason, presence_since = :at"
                + " WHERE user_name = :user_name AND device_name = :device_name", COLUMNS.sources(changes));
        jdbc.batchUpdate("INSERT INTO presence_event (user_name, device_name, state, reason, at)"
                + " VALUES (:user_name, :device_name, :state, :reason, :at)", COLUMNS.sources(changes));
    }
}
