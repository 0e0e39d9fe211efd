package io.waymark.device;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.waymark.support.Phone;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL the device list follows the other instances: their {@code devices} notifications
 * mark what they changed, and this instance's own changes go out the same way. The test plays
 * the other instance with plain SQL and {@code pg_notify}; with a refresh of an hour only the
 * notifications can bring a change into the cached list.
 */
class DeviceListClusterTest {

    static PostgresDatabase database;

    static WaymarkApp app;

    static String channel;

    @BeforeAll
    static void start(@TempDir Path brokerData) {
        database = PostgresDatabase.create();
        Map<String, Object> properties = database.waymarkProperties(brokerData);
        properties.put("waymark.api.device-list-refresh", "1h");
        app = WaymarkApp.start(properties, "postgres");
        channel = "waymark_events_" + database.schema();
    }

    @AfterAll
    static void stop() throws Exception {
        PostgresDatabase.close(app, database);
    }

    @Test
    void anotherInstancesChangesShowOnceItsNotificationArrives() throws Exception {
        assertThat(name("elsewhere", "phone")).isNull();
        sql("INSERT INTO device (user_name, device_name, display_name) VALUES ('elsewhere', 'phone', 'Before')");
        assertThat(name("elsewhere", "phone")).as("not told yet").isNull();
        notifyChanged("{\"devices\":[{\"user\":\"elsewhere\",\"device\":\"phone\"}],\"all\":false}");
        await("the new device").atMost(Duration.ofSeconds(10)).until(() -> "Before".equals(name("elsewhere", "phone")));

        sql("UPDATE device SET display_name = 'After' WHERE user_name = 'elsewhere'");
        assertThat(name("elsewhere", "phone")).as("cached").isEqualTo("Before");
        notifyChanged("{\"devices\":[{\"user\":\"elsewhere\",\"device\":\"phone\"}],\"all\":false}");
        await("the renamed device").atMost(Duration.ofSeconds(10)).until(() -> "After".equals(name("elsewhere", "phone")));

        sql("DELETE FROM device WHERE user_name = 'elsewhere'");
        notifyChanged("{\"devices\":[],\"all\":true}");
        await("the erased device").atMost(Duration.ofSeconds(10)).until(() -> name("elsewhere", "phone") == null);
    }

    @Test
    void thisInstancesChangesGoOutToTheOthers() throws Exception {
        try (Connection listener = database.connect()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN \"" + channel + "\"");
            }
            List<String> payloads = new ArrayList<>();
            // an instance sends its changes only while it hears another (cluster.ClusterPeers): say
            // hello as another instance and wait for the answer, which comes once it has heard this
            // (an instance it has not heard yet, whichever test ran first: only a new one is answered)
            String peer = "peer-" + UUID.randomUUID();
            notify("{\"from\":\"" + peer + "\",\"seq\":1,\"hello\":true}");
            await("the answer to a hello").atMost(Duration.ofSeconds(10)).until(() -> received(listener, payloads)
                .stream().anyMatch(p -> p.contains("\"hello\":true") && !p.contains(peer)));
            try (Phone phone = app.phone("pgnotify", "phone")) {
                phone.publishLocation(50, 8, Phone.now() - 1); // creates the row
                await("a devices notification naming the phone").atMost(Duration.ofSeconds(10))
                    .until(() -> received(listener, payloads).stream().anyMatch(DeviceListClusterTest::namesThePhone));
                // a later location of a known device is patched into this instance's list, not
                // read again: the others must still be told
                payloads.clear();
                phone.publishLocation(51, 9, Phone.now());
                await("a devices notification for the next location").atMost(Duration.ofSeconds(10))
                    .until(() -> received(listener, payloads).stream().anyMatch(DeviceListClusterTest::namesThePhone));
            }
        }
    }

    private static boolean namesThePhone(String payload) {
        return payload.contains("\"type\":\"devices\"") && payload.contains("{\"user\":\"pgnotify\",\"device\":\"phone\"}");
    }

    @Test
    void locationsPatchedIntoTheListShowWhatPostgresReadsBack() {
        long tst = Phone.now();
        try (Phone phone = app.phone("pgpatch", "phone")) {
            phone.publishLocation(50, 8, tst - 2); // creates the row: read, as a new device is
            phone.publish("{\"_type\":\"location\",\"lat\":50.123456789,\"lon\":-8.5,\"tst\":" + (tst - 1)
                    + ",\"acc\":5,\"alt\":120,\"vel\":3,\"cog\":270,\"batt\":64,\"bs\":2,\"conn\":\"m\","
                    + "\"tid\":\"pt\",\"inregions\":[\"home\",\"work\"]}");
            assertSameAsARead("pgpatch", "phone");
            phone.publish("{\"_type\":\"location\",\"lat\":51,\"lon\":9,\"tst\":" + tst + "}");
            assertSameAsARead("pgpatch", "phone");
        }
    }

    @Test
    void aLocationIsPatchedInNotReadAgain() throws Exception {
        long tst = Phone.now();
        try (Phone phone = app.phone("pgunread", "phone")) {
            phone.publishLocation(50, 8, tst - 1);
            assertThat(name("pgunread", "phone")).isEqualTo("phone");
            sql("UPDATE device SET display_name = 'Unmarked' WHERE user_name = 'pgunread'"); // nobody told
            phone.publishLocation(51, 9, tst);
            JsonNode listed = app.api().get("/api/v1/devices?user=pgunread").get(0);
            assertThat(listed.get("location").get("tst").asLong()).isEqualTo(tst);
            assertThat(listed.get("name").asString()).as("the row was not read again").isEqualTo("phone");
        }
    }

    /** The list's entry (patched) against the single device's (read from the row for this request). */
    private static void assertSameAsARead(String user, String device) {
        JsonNode listed = null;
        for (JsonNode d : app.api().get("/api/v1/devices?user=" + user)) {
            listed = d;
        }
        JsonNode read = app.api().get("/api/v1/devices/" + user + "/" + device);
        assertThat(listed).isNotNull();
        for (String field : List.of("location", "tid", "presence", "name", "transport")) {
            assertThat(listed.get(field)).as(field).isEqualTo(read.get(field));
        }
    }

    private static String name(String user, String device) {
        for (JsonNode d : app.api().get("/api/v1/devices")) {
            if (d.get("user").asString().equals(user) && d.get("device").asString().equals(device)) {
                return d.get("name").asString();
            }
        }
        return null;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** What another instance's notifier sends once its transaction committed. */
    private static void notifyChanged(String event) throws SQLException {
        notify("{\"from\":\"another-instance\",\"seq\":1,\"events\":[{\"type\":\"devices\",\"event\":" + event + "}]}");
    }

    private static void notify(String payload) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** Adds what has arrived on {@code listener} to {@code payloads}; answers all of them so far. */
    private static List<String> received(Connection listener, List<String> payloads) throws SQLException {
        PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(200);
        if (received != null) {
            for (PGNotification n : received) {
                payloads.add(n.getParameter());
            }
        }
        return payloads;
    }
}
