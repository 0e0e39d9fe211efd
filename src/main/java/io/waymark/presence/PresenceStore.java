package io.waymark.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.waymark.config.SqlColumns;
import io.waymark.config.SqlTime;
import io.waymark.device.DeviceRegistry;
import io.waymark.owntracks.DeviceId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Presence in the database: the current state in the device row's presence columns, every
 * change in {@code presence_event}; {@code last_seen} is read from {@code device_last_known}
 * (the device registry's). Runs in the caller's transaction; the device rows exist.
 * <p>
 * Several instances may write the same rows, so every change is a conditional update that
 * hits the row only if it still changes it; only a change that hit is recorded as an event
 * and returned. Two instances deciding the same change thus record it once between them, and
 * neither records one the row has already moved past.
 */
@Component
class PresenceStore {

    private static final String SET = "UPDATE device SET presence_state = :state, presence_reason = :reason,"
            + " presence_since = :at WHERE user_name = :user_name AND device_name = :device_name";

    /** Any change: only where the stored state differs (portable IS DISTINCT FROM). */
    private static final String CHANGE = SET + " AND (presence_state IS NULL OR presence_state <> :state)";

    /** A timeout: only while the row is online (and still silent: {@link #STILL_SILENT}). */
    private static final String TIME_OUT = SET + " AND presence_state = 'online'";

    /**
     * What the cluster heard is still older than the cutoff. An UPDATE that changes nothing, for
     * its row lock: a message's transaction moves {@code last_seen} first, so this waits for it,
     * then sees what it wrote (PostgreSQL re-checks the condition on the new row version).
     */
    private static final String STILL_SILENT = "UPDATE device_last_known SET last_seen = last_seen WHERE device_id = "
            + DeviceRegistry.ROW_ID + " AND last_seen < :cutoff";

    private static final String WITH_LAST_SEEN = " FROM " + DeviceRegistry.WITH_LAST_KNOWN;

    private final SqlColumns<PresenceChanged> columns;

    private final NamedParameterJdbcTemplate jdbc;

    PresenceStore(NamedParameterJdbcTemplate jdbc, PresenceProperties properties) {
        this.jdbc = jdbc;
        Duration timeout = properties.timeout();
        this.columns = new SqlColumns<PresenceChanged>()
            .text("user_name", c -> c.deviceId().user())
            .text("device_name", c -> c.deviceId().device())
            .text("state", c -> c.presence().state().code())
            .text("reason", c -> c.presence().reason().code())
            .timestamp("at", c -> c.presence().since())
            .timestamp("cutoff", c -> c.presence().since().minus(timeout));
    }

    Map<DeviceId, Presence> loadAll() {
        Map<DeviceId, Presence> all = new HashMap<>();
        jdbc.query("SELECT user_name, device_name, presence_state, presence_reason, presence_since, last_seen"
                + WITH_LAST_SEEN + " WHERE presence_state IS NOT NULL", into(all));
        return all;
    }

    /** The stored presence of these devices (those that have one). */
    Map<DeviceId, Presence> load(Collection<DeviceId> devices) {
        Map<DeviceId, Presence> found = new HashMap<>();
        for (DeviceId device : devices) {
            jdbc.query("SELECT user_name, device_name, presence_state, presence_reason, presence_since, last_seen"
                    + WITH_LAST_SEEN + " WHERE user_name = :user AND device_name = :device AND presence_state IS NOT NULL",
                    new MapSqlParameterSource("user", device.user()).addValue("device", device.device()), into(found));
        }
        return found;
    }

    /** Devices stored online whose last-seen is older than {@code cutoff}: device to last-seen. */
    Map<DeviceId, Instant> silentSince(Instant cutoff) {
        Map<DeviceId, Instant> silent = new LinkedHashMap<>();
        jdbc.query("SELECT user_name, device_name, last_seen" + WITH_LAST_SEEN + " WHERE presence_state = 'online'"
                + " AND last_seen < :cutoff", new MapSqlParameterSource("cutoff", SqlTime.timestamp(cutoff)),
                (RowCallbackHandler) rs -> silent.put(new DeviceId(rs.getString(1), rs.getString(2)),
                        SqlTime.instant(rs, 3)));
        return silent;
    }

    /** Stores the changes, in order, where they still change the row; returns those. */
    List<PresenceChanged> record(List<PresenceChanged> changes) {
        return record(CHANGE, changes);
    }

    /** Stores the timeouts of devices still online and silent since before each one's cutoff; returns those. */
    List<PresenceChanged> recordTimeouts(List<PresenceChanged> timeouts) {
        return record(TIME_OUT, SqlColumns.changed(timeouts, jdbc.batchUpdate(STILL_SILENT, columns.sources(timeouts))));
    }

    private List<PresenceChanged> record(String update, List<PresenceChanged> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<PresenceChanged> hit = SqlColumns.changed(changes, jdbc.batchUpdate(update, columns.sources(changes)));
        if (!hit.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO presence_event (user_name, device_name, state, reason, at)"
                    + " VALUES (:user_name, :device_name, :state, :reason, :at)", columns.sources(hit));
        }
        return hit;
    }

    private static RowCallbackHandler into(Map<DeviceId, Presence> presences) {
        return rs -> presences.put(new DeviceId(rs.getString(1), rs.getString(2)),
                new Presence(PresenceState.fromCode(rs.getString(3)), PresenceReason.fromCode(rs.getString(4)),
                        SqlTime.instant(rs, 5), SqlTime.instant(rs, 6)));
    }
}
