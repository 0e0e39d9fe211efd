package io.waymark.tracking;

import java.util.List;

import io.waymark.config.SqlColumns;
import io.waymark.config.SqlDialect;
import io.waymark.owntracks.Transition;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores region transitions (one JDBC batch; a replayed transition is stored once). */
@Component
class TransitionRecorder {

    private static final SqlColumns<ReceivedTransition> COLUMNS = new SqlColumns<ReceivedTransition>()
        .text("user_name", r -> r.deviceId().user())
        .text("device_name", r -> r.deviceId().device())
        .text("event", r -> r.transition().event())
        .text("region_key", r -> regionKey(r.transition()))
        .text("descr", r -> r.transition().desc())
        .text("rid", r -> r.transition().rid())
        .bigint("tst", r -> r.transition().tst())
        .bigint("wtst", r -> r.transition().wtst())
        .decimal("lat", r -> r.transition().lat())
        .decimal("lon", r -> r.transition().lon())
        .integer("acc", r -> r.transition().acc())
        .text("trigger_type", r -> r.transition().trigger())
        .timestamp("received_at", ReceivedTransition::receivedAt)
        .text("raw_json", ReceivedTransition::rawJson);

    private final NamedParameterJdbcTemplate jdbc;

    private final String insert;

    TransitionRecorder(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insert = dialect.insertIgnore("region_transition", COLUMNS.names(),
                List.of("user_name", "device_name", "tst", "event", "region_key"));
    }

    void store(List<ReceivedTransition> transitions) {
        if (!transitions.isEmpty()) {
            jdbc.batchUpdate(insert, COLUMNS.sources(transitions));
        }
    }

    /** What tells regions apart in the key: the region id, else its name. */
    private static String regionKey(Transition t) {
        return t.rid() != null ? t.rid() : t.desc() != null ? t.desc() : "";
    }
}
