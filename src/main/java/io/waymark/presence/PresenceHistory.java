package io.waymark.presence;

import java.util.List;

import io.waymark.config.SqlTime;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a device's presence changes: its online and offline periods. */
@Component
class PresenceHistory {

    private final JdbcTemplate jdbc;

    PresenceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} changes, newest first. */
    List<PresenceEventView> events(DeviceId device, int limit) {
        return jdbc.query("SELECT state, reason, at FROM presence_event WHERE user_name = ? AND device_name = ?"
                + " ORDER BY at DESC, id DESC LIMIT ?",
                (rs, i) -> new PresenceEventView(rs.getString(1), rs.getString(2), SqlTime.instant(rs, 3)),
                device.user(), device.device(), limit);
    }
}
