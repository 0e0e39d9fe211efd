package io.waymark.device;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.waymark.owntracks.Card;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.Status;
import io.waymark.owntracks.Transport;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transaction that writes a device's {@code device_last_known} row and its {@code device} row
 * takes them in that order, as a presence timeout does: a card or a new transport that arrives
 * while a timeout holds the last-known row waits for it before touching the device row, so the
 * timeout can finish. Taking the device row first, the two would deadlock.
 */
class DeviceRowLockOrderTest extends EmbeddedWaymarkTest {


    @Autowired
    DeviceRegistry registry;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCardWaitsForTheLastKnownRowBeforeTakingTheDeviceRow() throws Exception {
        DeviceId device = new DeviceId("lock-order", "card");
        String json = "{\"_type\":\"card\",\"name\":\"Locked Phone\",\"tid\":\"lp\"}";
        long row = timeOutWhile(device, new ReceivedMessage(device, new Card("Locked Phone", "lp", null),
                "owntracks/lock-order/card", json.getBytes(StandardCharsets.UTF_8), Instant.now(), false, Transport.HTTP,
                false));
        assertThat(row(row)).isEqualTo("Locked Phone lp http offline");
    }

    /** A new transport is the device row's too (a phone back over HTTP after a silence on MQTT, say). */
    @Test
    void aNewTransportWaitsForTheLastKnownRowBeforeTakingTheDeviceRow() throws Exception {
        DeviceId device = new DeviceId("lock-order", "status");
        String json = "{\"_type\":\"status\"}";
        long row = timeOutWhile(device, new ReceivedMessage(device, new Status(json), "owntracks/lock-order/status",
                json.getBytes(StandardCharsets.UTF_8), Instant.now(), false, Transport.HTTP, false));
        assertThat(row(row)).isEqualTo("null null http offline");
    }

    /** Holds what a presence timeout holds while {@code message} is recorded; returns the device's row id. */
    private long timeOutWhile(DeviceId device, ReceivedMessage message) throws Exception {
        long row = transactions.execute(tx -> registry.ensure(List.of(device)).get(device));
        try (Connection timeout = dataSource.getConnection(); Statement sql = timeout.createStatement()) {
            timeout.setAutoCommit(false);
            // what a presence timeout takes first: the last-known row
            assertThat(sql.executeUpdate("UPDATE device_last_known SET last_seen = last_seen WHERE device_id = " + row))
                .isOne();
            CompletableFuture<Void> recorded = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                    tx -> registry.record(List.of(message))));
            await().atMost(Duration.ofSeconds(10)).until(() -> blockedSessions() > 0);
            // then the device row: the message's transaction must not hold it
            sql.setQueryTimeout(5);
            assertThat(sql.executeUpdate("UPDATE device SET presence_state = 'offline', presence_reason = 'timeout',"
                    + " presence_since = CURRENT_TIMESTAMP WHERE id = " + row)).isOne(); // as PresenceStore writes it
            timeout.commit();
            recorded.get(10, TimeUnit.SECONDS);
        }
        return row;
    }

    private String row(long row) {
        return jdbc.sql("SELECT d.display_name, k.tid, d.transport, d.presence_state FROM device d"
                + " JOIN device_last_known k ON k.device_id = d.id WHERE d.id = ?").param(row)
            .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
            .single();
    }

    /** H2's sessions waiting for another's lock. */
    private int blockedSessions() {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
            .query(Integer.class).single();
    }
}
