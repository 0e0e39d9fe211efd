package io.waymark.command;

import java.time.Instant;
import java.util.List;

import io.waymark.config.SqlTime;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The {@code device_command} table. */
@Component
class CommandStore {

    static final String QUEUED = "queued";

    static final String SENT = "sent";

    private final JdbcClient jdbc;

    CommandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(DeviceId device, String action, String payload, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO device_command (user_name, device_name, action, payload, state, created_at)"
                + " VALUES (:user, :device, :action, :payload, :state, :created)")
            .param("user", device.user())
            .param("device", device.device())
            .param("action", action)
            .param("payload", payload)
            .param("state", QUEUED)
            .param("created", SqlTime.timestamp(createdAt))
            .update(key, "id");
        return key.getKey().longValue();
    }

    /** @return false when it was sent already (by another request meanwhile) */
    boolean markSent(long id, Instant at) {
        return jdbc.sql("UPDATE device_command SET state = :sent, sent_at = :at WHERE id = :id AND state = :queued")
            .param("sent", SENT)
            .param("at", SqlTime.timestamp(at))
            .param("id", id)
            .param("queued", QUEUED)
            .update() == 1;
    }

    List<Queued> queued(DeviceId device) {
        return jdbc.sql("SELECT id, payload FROM device_command WHERE user_name = :user AND device_name = :device"
                + " AND state = :queued ORDER BY id")
            .param("user", device.user())
            .param("device", device.device())
            .param("queued", QUEUED)
            .query((rs, i) -> new Queued(rs.getLong(1), rs.getString(2)))
            .list();
    }

    CommandView find(long id) {
        return jdbc.sql("SELECT id, action, state, created_at, sent_at FROM device_command WHERE id = :id")
            .param("id", id)
            .query((rs, i) -> view(rs))
            .single();
    }

    List<CommandView> all(DeviceId device) {
        return jdbc.sql("SELECT id, action, state, created_at, sent_at FROM device_command"
                + " WHERE user_name = :user AND device_name = :device ORDER BY id")
            .param("user", device.user())
            .param("device", device.device())
            .query((rs, i) -> view(rs))
            .list();
    }

    private static CommandView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommandView(rs.getLong("id"), rs.getString("action"), rs.getString("state"),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "sent_at"));
    }

    record Queued(long id, String payload) {
    }
}
