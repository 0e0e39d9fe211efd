package io.waymark.cluster;

import java.util.UUID;

import io.waymark.config.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the instances of one cluster talk: a PostgreSQL notification channel named after the
 * schema, so that two Waymarks in different schemas of one database (two tenants, or tests
 * running side by side) do not hear each other. Each instance has an id of its own, sent with
 * every notification, because PostgreSQL delivers a notification to its sender too.
 */
@Component
class ClusterChannel {

    private final boolean enabled;

    private final String name;

    private final String instanceId = UUID.randomUUID().toString();

    ClusterChannel(SqlDialect dialect, JdbcTemplate jdbc) {
        this.enabled = dialect.isPostgres();
        this.name = enabled ? "waymark_events_" + jdbc.queryForObject("SELECT current_schema()", String.class) : null;
    }

    /** Only on PostgreSQL: H2 serves one instance, whose events stay in-process. */
    boolean enabled() {
        return enabled;
    }

    /** The channel name as {@code pg_notify} takes it. */
    String name() {
        return name;
    }

    /** The channel name as {@code LISTEN} takes it: quoted, so that its case is kept. */
    String quotedName() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    String instanceId() {
        return instanceId;
    }
}
