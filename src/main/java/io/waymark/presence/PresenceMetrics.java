package io.waymark.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code waymark.presence.devices{state=online|offline}}: how many devices are in each state,
 * counted in the database (the truth when several instances share it), at most once per
 * {@link #MAX_AGE} however often the gauges are scraped. Devices never heard from in a way that
 * proves presence count as offline, as in {@code GET /api/v1/devices?state=offline}.
 */
@Component
class PresenceMetrics {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;

    private final Clock clock;

    private Map<PresenceState, Long> counts = new EnumMap<>(PresenceState.class);

    private Instant countedAt = Instant.MIN;

    PresenceMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (PresenceState state : PresenceState.values()) {
            Gauge.builder("waymark.presence.devices", () -> count(state))
                .description("devices by presence state")
                .tag("state", state.code())
                .register(registry);
        }
    }

    private synchronized long count(PresenceState state) {
        Instant now = clock.instant();
        if (countedAt.plus(MAX_AGE).isBefore(now)) {
            long online = jdbc.sql("SELECT COUNT(*) FROM device WHERE presence_state = :online")
                .param("online", PresenceState.ONLINE.code())
                .query(Long.class)
                .single();
            long all = jdbc.sql("SELECT COUNT(*) FROM device").query(Long.class).single();
            counts = new EnumMap<>(Map.of(PresenceState.ONLINE, online, PresenceState.OFFLINE, all - online));
            countedAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }
}
