package io.waymark.tracking;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Http;
import io.waymark.support.Http.Answer;
import io.waymark.support.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** GeoJSON, GPX and CSV exports of a device's history, beside its JSON answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationExportTest extends EmbeddedWaymarkTest {

    static final long BASE = Phone.now() - 3 * 3600;

    static final String PATH = "/api/v1/devices/exporter/phone/locations";

    @BeforeAll
    void publishTrack() {
        try (Phone phone = phone("exporter", "phone")) {
            phone.publish("{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":" + BASE
                    + ",\"acc\":10,\"alt\":34,\"batt\":80,\"conn\":\"w\",\"vel\":0,\"inregions\":[\"Office\",\"Home, sweet\"]}");
            phone.publish("{\"_type\":\"location\",\"lat\":52.521,\"lon\":13.406,\"tst\":" + (BASE + 60) + "}");
            phone.publish("{\"_type\":\"location\",\"lat\":0.0001,\"lon\":-0.00005,\"tst\":" + (BASE + 120)
                    + ",\"alt\":-3,\"cog\":90}");
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().get(PATH + "?from=" + BASE).size() == 3);
    }

    @LocalServerPort
    private int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void geoJsonIsAFeatureCollectionOfPoints() {
        Answer answer = http().get(PATH + "?from=" + BASE + "&format=geojson", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode json = answer.json();
        assertThat(json.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode features = json.get("features");
        assertThat(features).hasSize(3);
        JsonNode first = features.get(0);
        assertThat(first.get("type").asString()).isEqualTo("Feature");
        assertThat(first.get("geometry").get("type").asString()).isEqualTo("Point");
        // RFC 7946: longitude first, then latitude, then altitude where known
        assertThat(first.get("geometry").get("coordinates")).extracting(JsonNode::asDouble)
            .containsExactly(13.405, 52.52, 34.0);
        assertThat(features.get(1).get("geometry").get("coordinates")).extracting(JsonNode::asDouble)
            .containsExactly(13.406, 52.521);
        JsonNode properties = first.get("properties");
        assertThat(properties.get("tst").asLong()).isEqualTo(BASE);
        assertThat(properties.get("time").asString()).isEqualTo(Instant.ofEpochSecond(BASE).toString());
        assertThat(properties.get("acc").asInt()).isEqualTo(10);
        assertThat(properties.get("batt").asInt()).isEqualTo(80);
        assertThat(properties.get("conn").asString()).isEqualTo("w");
        assertThat(properties.get("inregions")).extracting(JsonNode::asString).containsExactly("Office", "Home, sweet");
        assertThat(properties.has("receivedAt")).isTrue();
        assertThat(features.get(1).get("properties").has("acc")).isFalse();
    }

    @Test
    void gpxIsValidGpx11WithTimeAndElevationWhereKnown() throws Exception {
        Answer answer = http().get(PATH + "?from=" + BASE + "&format=gpx", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/gpx+xml");
        assertThat(answer.disposition()).contains("exporter-phone.gpx");
        GpxSchema.validate(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.body()).contains("<trkpt lat=\"52.52\" lon=\"13.405\"><ele>34</ele><time>"
                + Instant.ofEpochSecond(BASE) + "</time></trkpt>");
        assertThat(answer.body()).contains("<trkpt lat=\"52.521\" lon=\"13.406\"><time>"
                + Instant.ofEpochSecond(BASE + 60) + "</time></trkpt>");
        // small coordinates without exponent: 1.0E-4 is no xsd:decimal
        assertThat(answer.body()).contains("<trkpt lat=\"0.0001\" lon=\"-0.00005\"><ele>-3</ele>");
        assertThat(answer.body().split("<trkpt ")).hasSize(4);
    }

    @Test
    void theSchemaCatchesInvalidGpx() {
        String invalid = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"t\"><trk><trkseg>"
                + "<trkpt lat=\"91\" lon=\"0\"><time>2026-01-01T00:00:00Z</time><ele>1</ele></trkpt></trkseg></trk></gpx>";
        assertThatThrownBy(() -> GpxSchema.validate(new ByteArrayInputStream(invalid.getBytes(StandardCharsets.UTF_8))))
            .isInstanceOf(SAXParseException.class);
    }

    @Test
    void csvHasAHeaderAndOneColumnPerFieldEmptyWhereMissing() {
        Answer answer = http().get(PATH + "?from=" + BASE + "&format=csv", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/csv");
        List<String> lines = answer.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("tst,time,lat,lon,alt,acc,vel,cog,batt,bs,conn,inregions,receivedAt");
        assertThat(lines.get(1)).startsWith(BASE + "," + Instant.ofEpochSecond(BASE)
                + ",52.52,13.405,34,10,0,,80,,w,\"Office;Home, sweet\",");
        assertThat(lines.get(2)).startsWith((BASE + 60) + "," + Instant.ofEpochSecond(BASE + 60)
                + ",52.521,13.406,,,,,,,,,");
        assertThat(lines.get(3)).startsWith((BASE + 120) + "," + Instant.ofEpochSecond(BASE + 120)
                + ",0.0001,-0.00005,-3,,,90,,,,,");
        assertThat(lines.get(2).split(",", -1)).hasSize(13);
    }

    @Test
    void acceptHeaderChoosesTheFormat() {
        assertThat(http().get(PATH + "?from=" + BASE, "application/geo+json").contentType())
            .startsWith("application/geo+json");
        assertThat(http().get(PATH + "?from=" + BASE, "application/gpx+xml").contentType())
            .startsWith("application/gpx+xml");
        assertThat(http().get(PATH + "?from=" + BASE, "text/csv").contentType()).startsWith("text/csv");
    }

    @Test
    void formatParameterWinsOverAccept() {
        assertThat(http().get(PATH + "?from=" + BASE + "&format=csv", "application/gpx+xml").contentType())
            .startsWith("text/csv");
    }

    @Test
    void jsonStaysTheAnswerForJsonBrowsersAndAnything() {
        for (String accept : new String[] { null, "*/*", "application/json",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }) {
            Answer answer = http().get(PATH + "?from=" + BASE, accept);
            assertThat(answer.contentType()).as("Accept: " + accept).startsWith("application/json");
            assertThat(answer.json()).as("Accept: " + accept).hasSize(3);
        }
        assertThat(http().get(PATH + "?from=" + BASE + "&format=json", null).json()).hasSize(3);
    }

    @Test
    void limitAndWindowAreThoseOfTheJsonAnswer() {
        List<String> lines = http().get(PATH + "?from=" + BASE + "&limit=2&format=csv", null).body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith((BASE + 60) + ",");
        assertThat(lines.get(2)).startsWith((BASE + 120) + ",");
        String to = Instant.ofEpochSecond(BASE + 60).toString();
        assertThat(http().get(PATH + "?from=" + BASE + "&to=" + to + "&format=geojson", null).json().get("features"))
            .hasSize(2);
        // the default window, the last 24 hours, holds all three
        assertThat(http().get(PATH + "?format=geojson", null).json().get("features")).hasSize(3);
    }

    @Test
    void badParametersAreProblems() {
        assertProblem(http().get(PATH + "?format=xml", null), 400, "'format'");
        assertProblem(http().get(PATH + "?format=gpx&limit=0", null), 400, "'limit'");
        assertProblem(http().get(PATH + "?from=yesterday", "text/csv"), 400, "'from'");
        assertProblem(http().get("/api/v1/devices/nobody/none/locations?format=gpx", null), 404, "unknown");
        assertProblem(http().get("/api/v1/devices/nobody/none/locations", "application/geo+json"), 404, "unknown");
    }

    private static void assertProblem(Answer answer, int status, String detail) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains(detail);
    }
}
