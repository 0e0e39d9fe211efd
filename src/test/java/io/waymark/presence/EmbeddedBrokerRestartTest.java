package io.waymark.presence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import io.waymark.support.H2Files;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Waymark (and with it the embedded broker) went away without seeing its devices
 * disconnect, say after a crash, a device stored as online is offline when Waymark starts again:
 * its connection is gone.
 */
class EmbeddedBrokerRestartTest {

    @TempDir
    Path dir;

    @Test
    void devicesLeftOnlineByAPreviousRunAreOfflineAtStart() throws Exception {
        String url = H2Files.url(dir);
        Map<String, Object> properties = Map.of("spring.datasource.url", url, "waymark.broker.data-path",
                dir.resolve("broker").toString());
        WaymarkApp.start(properties).close(); // creates the schema
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            // what a crash leaves behind: online, and no disconnect ever recorded
            statement.execute("INSERT INTO device (user_name, device_name, presence_state, presence_reason,"
                    + " presence_since) VALUES ('crash', 'phone', 'online', 'connect',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z')");
            statement.execute("INSERT INTO device_last_known (device_id, last_seen) SELECT id,"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:05:00Z' FROM device WHERE user_name = 'crash'");
        }
        try (WaymarkApp waymark = WaymarkApp.start(properties)) {
            JsonNode presence = waymark.api().device("crash", "phone").get("presence");
            assertThat(presence.get("state").asString()).isEqualTo("offline");
            assertThat(presence.get("reason").asString()).isEqualTo("disconnect");
            assertThat(presence.get("lastSeen").asString()).isEqualTo("2026-01-01T10:05:00Z");
            assertThat(waymark.api().get("/api/v1/devices/crash/phone/presence").get(0).get("state").asString())
                .isEqualTo("offline");
        }
    }
}
