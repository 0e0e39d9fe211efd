package io.waymark.tracking;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;

import io.waymark.support.H2Files;
import io.waymark.support.Http;
import io.waymark.support.WaymarkJvm;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million points exported by a Waymark whose heap (256 MB) could not hold them as objects:
 * the exports must stream from the database cursor to the socket.
 */
class LargeExportTest {

    static final int POINTS = 1_000_000;

    static final long BASE = 1_700_000_000L;

    static final String PATH = "/api/v1/devices/big/phone/locations?from=0&format=";

    static WaymarkJvm waymark;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        String url = H2Files.url(dir);
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        // a cache that holds the table while it fills (H2's default, 16 MB, does not)
        try (Connection connection = DriverManager.getConnection(url + ";CACHE_SIZE=262144", "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO device (user_name, device_name) VALUES ('big', 'phone')");
            // one point a second; every other one with an altitude. In slices of 100,000 rows
            // (autocommit): one huge transaction makes H2 keep an undo log of all of them
            for (int slice = 0; slice < POINTS; slice += 100_000) {
                sql.execute("""
                    INSERT INTO location (id, user_name, device_name, tst, lat, lon, alt, acc, batt, received_at, topic, raw_json)
                    SELECT (SELECT id FROM device WHERE user_name = 'big') * 17179869184 + %1$d + X, 'big', 'phone', %1$d + X, 45 + MOD(X, 10000) / 100000E0, 7 + MOD(X, 7777) / 100000E0,
                        CASE WHEN MOD(X, 2) = 0 THEN MOD(X, 500) END, 5, MOD(X, 100),
                        TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'owntracks/big/phone', '{}'
                    FROM SYSTEM_RANGE(%2$d, %3$d)""".formatted(BASE, slice + 1, slice + 100_000));
            }
        }
        System.out.printf("%,d points inserted in %d ms%n", POINTS, (System.nanoTime() - started) / 1_000_000);
        waymark = WaymarkJvm.server(List.of("-Xmx256m"), List.of("--spring.datasource.url=" + url,
                "--waymark.broker.enabled=false", "--waymark.mqtt.enabled=false"), dir.resolve("waymark.log"));
    }

    @AfterAll
    static void stop() {
        if (waymark != null) {
            waymark.close();
        }
    }

    @Test
    void aMillionPointsAsGpxValidAgainstTheSchema() throws Exception {
        HttpResponse<InputStream> response = new Http(waymark.port()).stream(PATH + "gpx");
        assertThat(response.statusCode()).isEqualTo(200);
        int[] points = { 0 };
        try (InputStream gpx = response.body()) {
            GpxSchema.validator().validate(new SAXSource(new InputSource(gpx)), new SAXResult(new DefaultHandler() {

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("trkpt")) {
                        points[0]++;
                    }
                }
            }));
        }
        assertThat(points[0]).isEqualTo(POINTS);
        assertAlive();
    }

    @Test
    void aMillionPointsAsGeoJson() throws Exception {
        HttpResponse<InputStream> response = new Http(waymark.port()).stream(PATH + "geojson");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        int features = 0;
        try (JsonParser parser = json.createParser(response.body())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextName()).isEqualTo("type");
            assertThat(parser.nextStringValue()).isEqualTo("FeatureCollection");
            assertThat(parser.nextName()).isEqualTo("features");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                // a tree for a sample of features only: a million trees cost the test more than Waymark
                if (features % 100_000 != 0 && features != POINTS - 1) {
                    parser.skipChildren();
                    features++;
                    continue;
                }
                JsonNode feature = parser.readValueAsTree();
                {
                    long x = feature.get("properties").get("tst").asLong() - BASE;
                    JsonNode coordinates = feature.get("geometry").get("coordinates");
                    assertThat(coordinates.get(0).asDouble()).isEqualTo(7 + (x % 7777) / 100000.0, within());
                    assertThat(coordinates.get(1).asDouble()).isEqualTo(45 + (x % 10000) / 100000.0, within());
                    assertThat(coordinates.size()).isEqualTo(x % 2 == 0 ? 3 : 2);
                    assertThat(feature.get("type").asString()).isEqualTo("Feature");
                    assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
                }
                features++;
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
        }
        assertThat(features).isEqualTo(POINTS);
        assertAlive();
    }

    @Test
    void aMillionPointsAsCsv() throws Exception {
        HttpResponse<InputStream> response = new Http(waymark.port()).stream(PATH + "csv");
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String header = csv.readLine();
            int columns = header.split(",", -1).length;
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                if (rows++ % 100_000 == 0) {
                    assertThat(line.split(",", -1)).hasSize(columns);
                }
            }
        }
        assertThat(rows).isEqualTo(POINTS);
        assertAlive();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private static void assertAlive() {
        assertThat(waymark.isAlive()).isTrue();
        assertThat(waymark.log()).doesNotContain("OutOfMemoryError");
    }
}
