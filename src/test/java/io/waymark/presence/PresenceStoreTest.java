package io.waymark.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.waymark.config.SqlTime;
import io.waymark.owntracks.DeviceId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's conditional updates, as another instance's writes make them matter: a change is
 * recorded only where it still changes the row, a timeout only while the stored last-seen is old.
 */
class PresenceStoreTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    static final DeviceId PHONE = new DeviceId("jane", "phone");

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:presence-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    private final PresenceStore store;

    PresenceStoreTest() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        store = new PresenceStore(new NamedParameterJdbcTemplate(dataSource), new PresenceProperties(TIMEOUT, null));
        jdbc.update("INSERT INTO device (user_name, device_name, presence_state, presence_reason, presence_since)"
                + " VALUES ('jane', 'phone', 'online', 'message', ?)", SqlTime.timestamp(T0));
        jdbc.update("INSERT INTO device_last_known (device_id, last_seen) SELECT id, ? FROM device", SqlTime.timestamp(T0));
    }

    @Test
    void aTimeoutHitsOnlyOnceTheStoredLastSeenIsOlderThanTheCutoff() {
        assertThat(store.recordTimeouts(List.of(timeout(T0.plus(TIMEOUT))))).isEmpty();
        assertThat(events()).isZero();
        PresenceChanged due = timeout(T0.plus(TIMEOUT).plusMillis(1));
        assertThat(store.recordTimeouts(List.of(due))).containsExactly(due);
        assertThat(store.recordTimeouts(List.of(timeout(T0.plusSeconds(9))))).as("another instance, later").isEmpty();
        assertThat(events()).isOne();
        assertThat(store.load(List.of(PHONE)).get(PHONE).state()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void aTimeoutMissesWhenAnotherInstanceHeardTheDeviceMeanwhile() {
        jdbc.update("UPDATE device_last_known SET last_seen = ?", SqlTime.timestamp(T0.plusSeconds(4)));
        assertThat(store.recordTimeouts(List.of(timeout(T0.plusSeconds(6))))).isEmpty();
        assertThat(store.silentSince(T0.plusSeconds(1))).isEmpty();
        assertThat(store.silentSince(T0.plusSeconds(5))).containsEntry(PHONE, T0.plusSeconds(4)).hasSize(1);
    }

    @Test
    void aChangeIsRecordedOnlyWhereItStillChangesTheRow() {
        PresenceChanged online = change(PresenceState.ONLINE, PresenceReason.MESSAGE, T0.plusSeconds(1));
        assertThat(store.record(List.of(online))).as("stored online already").isEmpty();
        PresenceChanged will = change(PresenceState.OFFLINE, PresenceReason.LWT, T0.plusSeconds(2));
        PresenceChanged back = change(PresenceState.ONLINE, PresenceReason.MESSAGE, T0.plusSeconds(3));
        assertThat(store.record(List.of(will, will, back))).containsExactly(will, back);
        assertThat(events()).isEqualTo(2);
        assertThat(store.load(List.of(PHONE)).get(PHONE))
            .isEqualTo(new Presence(PresenceState.ONLINE, PresenceReason.MESSAGE, T0.plusSeconds(3), T0));
    }

    private static PresenceChanged timeout(Instant at) {
        return change(PresenceState.OFFLINE, PresenceReason.TIMEOUT, at);
    }

    private static PresenceChanged change(PresenceState state, PresenceReason reason, Instant at) {
        return new PresenceChanged(PHONE, new Presence(state, reason, at, T0));
    }

    private int events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM presence_event", Integer.class);
    }
}
