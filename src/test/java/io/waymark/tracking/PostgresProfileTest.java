package io.waymark.tracking;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.waymark.support.Api;
import io.waymark.support.Phone;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code postgres} profile against the local PostgreSQL: Flyway migrates an empty schema,
 * and the storage guarantees hold there too (idempotent history, monotonic last-known,
 * rejected messages kept), surviving a restart.
 */
class PostgresProfileTest {

    static PostgresDatabase database;

    static WaymarkApp app;

    static Map<String, Object> properties;

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir java.nio.file.Path brokerData) {
        database = PostgresDatabase.create();
        properties = database.waymarkProperties(brokerData);
        app = WaymarkApp.start(properties, "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        PostgresDatabase.close(app, database);
    }

    @Test
    void migrationsCreateTheSchema() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void storesHistoryOnceAndKeepsLastKnownMonotonicAcrossRestart() throws Exception {
        long tst = Phone.now() - 600;
        try (Phone phone = app.phone("pguser", "phone")) {
            phone.publishLocation(52.0, 13.0, tst)
                .publishLocation(52.0, 13.0, tst)
                .publishLocation(52.5, 13.5, tst + 60)
                .publishLocation(40.0, 10.0, tst - 60)
                .publishOn("info", "{\"_type\":\"card\",\"name\":\"PG Phone\"}")
                .publish("owntracks/pguser/phone", "{\"_type\":\"location\",\"lat\":123,\"lon\":0,\"tst\":1}");
        }
        Api api = app.api();
        await().atMost(Duration.ofSeconds(15))
            .until(() -> api.get("/api/v1/devices/pguser/phone/locations?from=0").size() == 3
                    && api.get("/api/v1/rejected").size() >= 1 && "PG Phone".equals(api.device("pguser", "phone").get("name").asString()));
        assertLastKnown(api, tst + 60);

        app.close();
        app = WaymarkApp.start(properties, "postgres");
        assertLastKnown(app.api(), tst + 60);
        assertThat(app.api().get("/api/v1/devices/pguser/phone/presence")).isNotEmpty();
        JsonNode rejected = app.api().get("/api/v1/rejected");
        assertThat(rejected.get(0).get("reason").asString()).isEqualTo("out-of-range");
    }

    private static void assertLastKnown(Api api, long tst) {
        JsonNode device = api.device("pguser", "phone");
        assertThat(device.get("location").get("tst").asLong()).isEqualTo(tst);
        assertThat(device.get("location").get("lat").asDouble()).isEqualTo(52.5);
        assertThat(device.get("name").asString()).isEqualTo("PG Phone");
    }
}
