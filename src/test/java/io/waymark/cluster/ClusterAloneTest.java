package io.waymark.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.waymark.support.Api;
import io.waymark.support.Phone;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance on PostgreSQL, watched by a test connection listening on its channel: while it
 * has heard no other instance it sends no events (only hellos); once another says hello it
 * answers with a hello that tells the newcomer to re-read, and sends its events from then on.
 */
class ClusterAloneTest {

    static PostgresDatabase database;

    static WaymarkApp app;

    @BeforeAll
    static void start(@TempDir Path brokerData) {
        database = PostgresDatabase.create();
        app = WaymarkApp.start(database.waymarkProperties(brokerData), "postgres");
    }

    @AfterAll
    static void stop() throws SQLException {
        PostgresDatabase.close(app, database);
    }

    @Test
    void sendsEventsOnlyOnceAnotherInstanceIsThere() throws Exception {
        ClusterChannel channel = app.bean(ClusterChannel.class);
        String self = "{\"from\":\"" + channel.instanceId() + "\"";
        Api api = app.api();
        long tst = Phone.now() - 300;
        try (Connection peer = database.connect()) {
            try (Statement statement = peer.createStatement()) {
                statement.execute("LISTEN " + channel.quotedName());
            }
            try (Phone phone = app.phone("alone", "phone")) {
                phone.publishLocation(52.0, 13.0, tst);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/devices/alone/phone/locations?from=0").size() == 1);
            List<String> heard = notifications(peer, Duration.ofSeconds(1));
            assertThat(heard).filteredOn(n -> n.startsWith(self)).noneMatch(n -> n.contains("\"events\""));

            try (PreparedStatement hello = peer.prepareStatement("SELECT pg_notify(?, ?)")) {
                hello.setString(1, channel.name());
                hello.setString(2, "{\"from\":\"test-peer\",\"seq\":1,\"hello\":true}");
                hello.execute();
            }
            List<String> answers = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                answers.addAll(notifications(peer, Duration.ofMillis(200)));
                return answers.stream().anyMatch(n -> n.startsWith(self) && n.contains("\"hello\":true")
                        && n.contains("\"missed\":true"));
            });

            try (Phone phone = app.phone("alone", "phone")) {
                phone.publishLocation(52.5, 13.5, tst + 60);
            }
            List<String> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                events.addAll(notifications(peer, Duration.ofMillis(200)));
                return events.stream().anyMatch(n -> n.startsWith(self) && n.contains("\"events\"")
                        && n.contains(String.valueOf(tst + 60)));
            });
        }
    }

    private static List<String> notifications(Connection connection, Duration wait) throws SQLException {
        List<String> payloads = new ArrayList<>();
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications((int) wait.toMillis());
        if (received != null) {
            for (PGNotification notification : received) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }
}
