package io.waymark.presence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Presence in the database: the current state on the device row, every change as an event. */
@Component
class PresenceStore {

    private final JdbcTemplate jdbc;

    PresenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<DeviceId, Presence> loadAll() {
        Map<DeviceId, Presence> all = new HashMap<>();
        jdbc.query("SELECT user_name, device_name, presence_state, presence_reason, presence_since, last_seen"
                + " FROM device WHERE presence_state IS NOT NULL", rs -> {
                    all.put(new DeviceId(rs.getString(1), rs.getString(2)),
                            new Presence(PresenceState.fromCode(rs.getString(3)),
                                    PresenceReason.fromCode(rs.getString(4)), instant(rs.getTimestamp(5)),
                                    instant(rs.getTimestamp(6))));
                });
        return all;
    }

    /** Stores changes; the device rows must exist. Runs in the caller's transaction if any. */
    void record(List<PresenceChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE device SET presence_state = ?, presence_reason = ?, presence_since = ?,"
                + " last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END"
                + " WHERE user_name = ? AND device_name = ?", changes, changes.size(), (ps, c) -> {
                    Presence p = c.presence();
                    ps.setString(1, p.state().code());
                    ps.setString(2, p.reason().code());
                    ps.setTimestamp(3, Timestamp.from(p.since()));
                    Timestamp seen = p.lastSeen() == null ? null : Timestamp.from(p.lastSeen());
                    ps.setTimestamp(4, seen);
                    ps.setTimestamp(5, seen);
                    ps.setString(6, c.deviceId().user());
                    ps.setString(7, c.deviceId().device());
                });
        jdbc.batchUpdate("INSERT INTO presence_event (user_name, device_name, state, reason, at) VALUES (?, ?, ?, ?, ?)",
                changes, changes.size(), (ps, c) -> {
                    ps.setString(1, c.deviceId().user());
                    ps.setString(2, c.deviceId().device());
                    ps.setString(3, c.presence().state().code());
                    ps.setString(4, c.presence().reason().code());
                    ps.setTimestamp(5, Timestamp.from(c.presence().since()));
                });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
