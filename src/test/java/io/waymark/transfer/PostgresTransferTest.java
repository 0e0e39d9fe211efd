package io.waymark.transfer;

import java.nio.file.Path;
import java.util.List;

import io.waymark.support.Http;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Import and export on PostgreSQL: its SQL (key look-ups, the cursor in a read-only transaction). */
class PostgresTransferTest {

    static final long BASE = 1_790_000_000L;

    static PostgresDatabase database;

    static WaymarkApp app;

    @BeforeAll
    static void start(@TempDir Path brokerData) {
        database = PostgresDatabase.create();
        app = WaymarkApp.start(database.waymarkProperties(brokerData), "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        PostgresDatabase.close(app, database);
    }

    @Test
    void importsOnceAndExportsFromTheCursor() {
        Http http = new Http(app.port());
        String rec = ImportFiles.rec(BASE);
        JsonNode first = http.post("/api/v1/import?user=pg&device=phone", "text/plain", rec).json();
        assertThat(first.get("imported").asLong()).as(first.toString()).isEqualTo(4);
        JsonNode again = http.post("/api/v1/import?user=pg&device=phone", "text/plain", rec).json();
        assertThat(again.get("duplicates").asLong()).as(again.toString()).isEqualTo(4);
        assertThat(again.get("imported").asLong()).isZero();

        List<String> csv = http.get("/api/v1/devices/pg/phone/locations?from=" + BASE + "&format=csv", null).body()
            .lines().toList();
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith(BASE + ",");
        List<String> newest = http.get("/api/v1/devices/pg/phone/locations?from=" + BASE + "&limit=2&format=csv", null)
            .body().lines().toList();
        assertThat(newest).hasSize(3);
        assertThat(newest.get(1)).startsWith((BASE + 60) + ",");
        assertThat(newest.get(2)).startsWith((BASE + 120) + ",");
        JsonNode geojson = http.get("/api/v1/devices/pg/phone/locations?from=" + BASE, "application/geo+json").json();
        assertThat(geojson.get("features")).hasSize(3);
    }
}
