package io.waymark.device;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.waymark.config.AfterCommit;
import io.waymark.config.SqlColumns;
import io.waymark.config.SqlDialect;
import io.waymark.owntracks.Card;
import io.waymark.owntracks.Configuration;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.Status;
import io.waymark.owntracks.Transport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Owns the device row and its {@code device_last_known} row: creates both before anything
 * refers to them, names the device from its card, and keeps {@code last_seen}, which only moves
 * forward. The presence columns belong to {@code presence}, the last-known location to
 * {@code tracking}, on rows made here. Runs in the caller's transaction.
 */
@Component
public class DeviceRegistry {

    private static final SqlColumns<DeviceId> KEY = new SqlColumns<DeviceId>()
        .text("user_name", DeviceId::user)
        .text("device_name", DeviceId::device);

    private static final SqlColumns<Map.Entry<DeviceId, java.time.Instant>> LAST_SEEN =
            new SqlColumns<Map.Entry<DeviceId, java.time.Instant>>()
                .text("user_name", e -> e.getKey().user())
                .text("device_name", e -> e.getKey().device())
                .timestamp("seen", Map.Entry::getValue);

    private static final SqlColumns<Named> CARD = new SqlColumns<Named>()
        .text("user_name", n -> n.device().user())
        .text("device_name", n -> n.device().device())
        .bigint("device_id", Named::row)
        .add("name", Types.VARCHAR, n -> n.card().name())
        .add("tid", Types.VARCHAR, n -> n.card().tid());

    private static final SqlColumns<Long> ROW = new SqlColumns<Long>().bigint("device_id", id -> id);

    private static final SqlColumns<Map.Entry<DeviceId, String>> TEXT = new SqlColumns<Map.Entry<DeviceId, String>>()
        .text("user_name", e -> e.getKey().user())
        .text("device_name", e -> e.getKey().device())
        .text("value", Map.Entry::getValue);

    /**
     * Moves {@code last_seen} forward to {@code :seen} (a TIMESTAMP; null leaves it), never back: a
     * SET clause for a statement that updates the {@code device_last_known} row anyway (tracking's
     * last-known location), so that a batch writes each such row once, not once per module. The
     * same rule as {@link #updateLastSeen}.
     */
    public static final String LAST_SEEN_FORWARD =
            "last_seen = CASE WHEN last_seen IS NULL OR last_seen < :seen THEN :seen ELSE last_seen END";

    /** SQL: each device row with its {@code device_last_known} row as {@code k} (their column names differ). */
    public static final String WITH_LAST_KNOWN = "device LEFT JOIN device_last_known k ON k.device_id = device.id";

    /** SQL: the id of the device row of {@code :user_name} and {@code :device_name}. */
    public static final String ROW_ID = "(SELECT id FROM device WHERE user_name = :user_name AND device_name = :device_name)";

    private final NamedParameterJdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final DeviceChanges changes;

    private final String insertDevice;

    private final String insertReport;

    private final String insertLastKnown;

    /** Which rows exist and their transports: saves an insert per batch per device, and the transport's writes. */
    private final CommittedDeviceRows committed;

    DeviceRegistry(NamedParameterJdbcTemplate jdbc, SqlDialect dialect, ApplicationEventPublisher events,
            DeviceChanges changes, CommittedDeviceRows committed) {
        this.jdbc = jdbc;
        this.events = events;
        this.changes = changes;
        this.committed = committed;
        this.insertDevice = dialect.insertIgnore("device", KEY.names(), KEY.names());
        this.insertReport = dialect.insertIgnore("device_report", KEY.names(), KEY.names());
        this.insertLastKnown = dialect.insertIgnore("device_last_known", ROW.names(), ROW.names());
    }

    /**
     * The ingestion writer's hand-off: every device gets its row, cards name their devices (and
     * are published as {@link CardStored} after the commit), the last status and configuration
     * dump are kept, and so is how each device's last own message came (MQTT or HTTP).
     */
    public void record(List<ReceivedMessage> messages) {
        Set<DeviceId> devices = new LinkedHashSet<>();
        Map<DeviceId, String> faces = new LinkedHashMap<>();
        Map<DeviceId, String> statuses = new LinkedHashMap<>();
        Map<DeviceId, String> dumps = new LinkedHashMap<>();
        Map<DeviceId, Transport> transport = new LinkedHashMap<>();
        List<ReceivedMessage> cardMessages = new ArrayList<>();
        for (ReceivedMessage m : messages) {
            devices.add(m.deviceId());
            if (m.message() instanceof Card card) {
                cardMessages.add(m);
                if (card.face() != null) {
                    faces.put(m.deviceId(), card.face());
                }
            }
            else if (m.message() instanceof Status) {
                statuses.put(m.deviceId(), m.json());
            }
            else if (m.message() instanceof Configuration) {
                dumps.put(m.deviceId(), m.json());
            }
            // a retained replay is the broker's memory, a command is not the device's: neither says how it talks now
            if (m.transport() != Transport.API && !m.retained() && !m.isCommand()) {
                transport.put(m.deviceId(), m.transport());
            }
        }
        Map<DeviceId, Long> rows = ensure(devices);
        List<Named> cards = cardMessages.stream()
            .map(m -> new Named(m.deviceId(), rows.get(m.deviceId()), (Card) m.message(), m)).toList();
        long generation = committed.generation();
        Map<DeviceId, String> transports = changedTransports(transport);
        // A device's device_last_known row is locked before its device row, here as by every
        // writer of both (tracking, presence; a timeout elsewhere in the cluster too): the other
        // order could deadlock with one of them.
        if (!cards.isEmpty()) {
            jdbc.batchUpdate("UPDATE device_last_known SET tid = COALESCE(:tid, tid) WHERE device_id = :device_id",
                    CARD.sources(cards));
        }
        // a new transport without a card: an UPDATE that changes nothing, for its lock
        Set<Long> transportRows = new LinkedHashSet<>();
        transports.keySet().forEach(device -> transportRows.add(rows.get(device)));
        cards.forEach(card -> transportRows.remove(card.row()));
        if (!transportRows.isEmpty()) {
            jdbc.batchUpdate("UPDATE device_last_known SET tid = tid WHERE device_id = :device_id", ROW.sources(transportRows));
        }
        if (!cards.isEmpty()) {
            jdbc.batchUpdate("UPDATE device SET display_name = COALESCE(:name, display_name)"
                    + " WHERE user_name = :user_name AND device_name = :device_name", CARD.sources(cards));
            updateReport("face", faces);
            changes.changed(cards.stream().map(Named::device).toList());
            AfterCommit.publish(events, cards.stream().map(n -> new CardStored(n.device(), n.card(),
                    n.message().json(), n.message().transport(), n.message().encrypted())).toList());
        }
        // not in the device list, so no DeviceChanges mark
        updateReport("status_json", statuses);
        updateReport("configuration_json", dumps);
        recordTransport(transport, transports, generation);
    }

    /**
     * What the app reports about itself (a face, a status, a configuration dump) is kept in
     * {@code device_report}, out of the device row that every last-known location rewrites.
     */
    private void updateReport(String column, Map<DeviceId, String> values) {
        if (!values.isEmpty()) {
            insertMissing(insertReport, values.keySet());
            updateText("device_report", column, values);
        }
    }

    private void updateText(String table, String column, Map<DeviceId, String> values) {
        if (!values.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + table + " SET " + column + " = :value WHERE user_name = :user_name"
                    + " AND device_name = :device_name", TEXT.sources(values.entrySet()));
        }
    }

    /** Inserts the rows of {@code keys} that do not exist yet ({@code insertIgnore}). */
    private void insertMissing(String insertIgnore, Collection<DeviceId> keys) {
        insertMissing(insertIgnore, KEY.sources(keys));
    }

    private void insertMissing(String insertIgnore, SqlParameterSource[] rows) {
        try {
            jdbc.batchUpdate(insertIgnore, rows);
        }
        catch (DuplicateKeyException ex) {
            // H2: another transaction (presence, on the broker's thread) created the same row
            // meanwhile; H2 waited for it to commit, so merging again now finds its row.
            jdbc.batchUpdate(insertIgnore, rows);
        }
    }

    /** The devices whose transport differs from the one remembered (the only ones written). */
    private Map<DeviceId, String> changedTransports(Map<DeviceId, Transport> latest) {
        Map<DeviceId, String> changed = new LinkedHashMap<>();
        latest.forEach((device, t) -> {
            if (committed.transport(device) != t) {
                changed.put(device, t.code());
            }
        });
        return changed;
    }

    private void recordTransport(Map<DeviceId, Transport> latest, Map<DeviceId, String> changed, long generation) {
        if (!changed.isEmpty()) {
            updateText("device", "transport", changed);
            changes.changed(changed.keySet());
            // the unchanged ones are remembered already: taking them all again changes nothing
            AfterCommit.run(() -> committed.transportsCommitted(latest, generation));
        }
    }

    /**
     * Makes sure every device has a row before anything refers to it.
     *
     * @return each device's row {@code id}
     */
    public Map<DeviceId, Long> ensure(Collection<DeviceId> devices) {
        long generation = committed.generation();
        Map<DeviceId, Long> ids = new HashMap<>();
        Set<DeviceId> unknown = new LinkedHashSet<>();
        for (DeviceId device : devices) {
            Long id = committed.id(device);
            if (id != null) {
                ids.put(device, id);
            }
            else {
                unknown.add(device);
            }
        }
        if (unknown.isEmpty()) {
            return ids;
        }
        insertMissing(insertDevice, unknown);
        Map<DeviceId, Long> made = new HashMap<>();
        for (DeviceId device : unknown) {
            made.put(device, jdbc.queryForObject("SELECT id FROM device WHERE user_name = :user_name"
                    + " AND device_name = :device_name", KEY.source(device), Long.class));
        }
        insertMissing(insertLastKnown, ROW.sources(made.values()));
        ids.putAll(made);
        changes.changed(unknown);
        // Only a committed row is known: until then other transactions cannot see it, and one
        // that skipped the insert would update nothing (the last-known location would be lost).
        AfterCommit.run(() -> committed.rowsCommitted(made, generation));
        return ids;
    }

    /** When each device was last heard from; {@code last_seen} never moves backwards. */
    public void updateLastSeen(Map<DeviceId, java.time.Instant> lastSeen) {
        if (lastSeen.isEmpty()) {
            return;
        }
        List<Map.Entry<DeviceId, java.time.Instant>> rows = List.copyOf(lastSeen.entrySet());
        int[] updated = jdbc.batchUpdate("UPDATE device_last_known SET last_seen = :seen WHERE device_id = " + ROW_ID
                + " AND (last_seen IS NULL OR last_seen < :seen)", LAST_SEEN.sources(rows));
        // only the rows that moved: each mark costs the device list a re-read
        changes.changed(SqlColumns.changed(rows, updated).stream().map(Map.Entry::getKey).toList());
    }

    private record Named(DeviceId device, long row, Card card, ReceivedMessage message) {
    }
}
