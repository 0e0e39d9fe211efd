package io.waymark.transfer;

import java.time.Duration;
import java.util.List;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Http;
import io.waymark.support.Http.Answer;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /api/v1/import: each format through the ingestion flow, idempotent, errors by line. */
class ImportApiTest extends EmbeddedWaymarkTest {

    static final long BASE = Phone.now() - 30 * 86400;

    @LocalServerPort
    private int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void recFileImportsLocationsAndTransitionsAndReportsBadLines() {
        Answer first = http().post("/api/v1/import?user=recuser&device=phone", "text/plain", ImportFiles.rec(BASE));
        assertThat(first.status()).isEqualTo(200);
        JsonNode result = first.json();
        assertCounts(result, 4, 0, 2, 1);
        JsonNode errors = result.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(5);
        assertThat(errors.get(0).get("message").asString()).contains("three tab-separated fields");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(6);
        assertThat(errors.get(1).get("message").asString()).startsWith("out-of-range").contains("lat");

        assertThat(api().get("/api/v1/devices/recuser/phone/locations?from=" + BASE))
            .extracting(l -> l.get("tst").asLong())
            .containsExactly(BASE, BASE + 60, BASE + 120);
        JsonNode transitions = api().get("/api/v1/devices/recuser/phone/transitions");
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).get("tst").asLong()).isEqualTo(BASE + 100);
    }

    @Test
    void reimportIsAllDuplicates() {
        String rec = ImportFiles.rec(BASE);
        assertCounts(http().post("/api/v1/import?user=again&device=phone", "text/plain", rec).json(), 4, 0, 2, 1);
        assertCounts(http().post("/api/v1/import?user=again&device=phone", "text/plain", rec).json(), 0, 4, 2, 1);
        assertThat(api().get("/api/v1/devices/again/phone/locations?from=" + BASE)).hasSize(3);
        assertThat(api().get("/api/v1/devices/again/phone/transitions")).hasSize(1);
    }

    @Test
    void aFileWithTheSameFixTwiceCountsItOnce() {
        String rec = ImportFiles.recLine(BASE, "*", ImportFiles.location(1, 2, BASE))
                + ImportFiles.recLine(BASE, "*", ImportFiles.location(1, 2, BASE));
        assertCounts(http().post("/api/v1/import?user=twice&device=phone&format=rec", null, rec).json(), 1, 1, 0, 0);
    }

    @Test
    void importedHistoryIsNoSignOfLife() {
        long base = Phone.now() - 60; // read once: a second boundary between two reads failed the test
        http().post("/api/v1/import?user=quiet&device=phone", "text/plain", ImportFiles.rec(base));
        JsonNode device = api().device("quiet", "phone");
        assertThat(device.get("presence").get("state").asString()).isEqualTo("offline");
        assertThat(device.get("presence").get("lastSeen").isNull()).isTrue();
        // ... but the newest imported fix is the last-known location
        assertThat(device.get("location").get("tst").asLong()).isEqualTo(base + 120);
    }

    @Test
    void gpxTrackPointsBecomeLocations() {
        Answer answer = http().post("/api/v1/import?user=gpxuser&device=watch", "application/gpx+xml",
                ImportFiles.gpx(BASE));
        assertCounts(answer.json(), 3, 0, 1, 0);
        assertThat(answer.json().get("errors").get(0).get("line").asLong()).isEqualTo(9);
        assertThat(answer.json().get("errors").get(0).get("message").asString()).contains("<time>");
        List<JsonNode> stored = List.copyOf(
                api().get("/api/v1/devices/gpxuser/watch/locations?from=" + BASE).valueStream().toList());
        assertThat(stored).extracting(l -> l.get("tst").asLong()).containsExactly(BASE, BASE + 30, BASE + 60);
        assertThat(stored.get(0).get("lat").asDouble()).isEqualTo(48.8566);
        assertThat(stored.get(0).get("lon").asDouble()).isEqualTo(2.3522);
        assertThat(stored.get(0).get("alt").asInt()).isEqualTo(36);
        assertThat(stored.get(1).get("alt").isNull()).isTrue();
        assertCounts(http().post("/api/v1/import?user=gpxuser&device=watch&format=gpx", "application/octet-stream",
                ImportFiles.gpx(BASE)).json(), 0, 3, 1, 0);
    }

    @Test
    void geoJsonExportImportsBackAsItWas() {
        http().post("/api/v1/import?user=geosource&device=phone", "text/plain", ImportFiles.rec(BASE));
        String geojson = http().get("/api/v1/devices/geosource/phone/locations?from=" + BASE + "&format=geojson", null)
            .body();
        Answer answer = http().post("/api/v1/import?user=geocopy&device=phone", "application/geo+json", geojson);
        assertCounts(answer.json(), 3, 0, 0, 0);
        assertThat(withoutReceivedAt("geocopy")).isEqualTo(withoutReceivedAt("geosource")).hasSize(4);
        assertCounts(http().post("/api/v1/import?user=geocopy&device=phone", "application/json", geojson).json(),
                0, 3, 0, 0);
    }

    @Test
    void geoJsonFeaturesThatAreNoFixesAreReportedByLine() {
        String geojson = """
                {"type": "FeatureCollection",
                 "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [13.4, 52.5, 40]},
                   "properties": {"time": "%s", "batt": 50}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]},
                   "properties": {"tst": %d}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [13.4, 52.5]}, "properties": {}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [13.5, 52.6]},
                """.formatted(java.time.Instant.ofEpochSecond(BASE), BASE + 1);
        Answer answer = http().post("/api/v1/import?user=geobad&device=phone", null, geojson);
        JsonNode result = answer.json();
        assertCounts(result, 1, 0, 3, 0);
        assertThat(result.get("errors")).extracting(e -> e.get("line").asLong()).containsExactly(5L, 7L, 9L);
        // the truncated last feature: where the input ended (line 9, after the last newline)
        assertThat(result.get("errors").get(2).get("message").asString()).contains("not well-formed JSON");
        JsonNode stored = api().get("/api/v1/devices/geobad/phone/locations?from=" + BASE).get(0);
        assertThat(stored.get("alt").asInt()).isEqualTo(40);
        assertThat(stored.get("batt").asInt()).isEqualTo(50);
    }

    @Test
    void badRequestsAreProblems() {
        assertProblem(http().post("/api/v1/import?user=u&device=d&format=kml", "text/plain", "x"), 400, "'format'");
        assertProblem(http().post("/api/v1/import?device=d", "text/plain", "x"), 400, "user");
        assertProblem(http().post("/api/v1/import?user=a/b&device=d", "text/plain", "x"), 400, "'user'");
        assertThat(http().post("/api/v1/import?user=u&device=d", "application/x-www-form-urlencoded", "a=b").status())
            .isEqualTo(415);
    }

    private List<String> withoutReceivedAt(String user) {
        await().atMost(Duration.ofSeconds(5)).until(() -> api().device(user, "phone") != null);
        return http().get("/api/v1/devices/" + user + "/phone/locations?from=" + BASE + "&format=csv", null).body()
            .lines()
            .map(line -> line.substring(0, line.lastIndexOf(',')))
            .toList();
    }

    private static void assertCounts(JsonNode result, long imported, long duplicates, long rejected, long skipped) {
        assertThat(result.get("imported").asLong()).as("imported in " + result).isEqualTo(imported);
        assertThat(result.get("duplicates").asLong()).as("duplicates in " + result).isEqualTo(duplicates);
        assertThat(result.get("rejected").asLong()).as("rejected in " + result).isEqualTo(rejected);
        assertThat(result.get("skipped").asLong()).as("skipped in " + result).isEqualTo(skipped);
    }

    private static void assertProblem(Answer answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains(detail);
    }
}
