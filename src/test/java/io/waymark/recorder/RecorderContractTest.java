package io.waymark.recorder;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waymark's {@code /api/0} answers to the messages of the golden {@code input.jsonl}, held to
 * the shapes of the Recorder 1.0.1's own answers: the same keys (in the same order where the
 * Recorder has one), the same values where they do not depend on when the run happened
 * ({@code isorcv} is the time of receipt), points in the same order, each format parsed.
 */
class RecorderContractTest extends GoldenInputTest {

    static final String RANGE = "from=2026-11-20&to=2026-11-30";

    static final String PHONE = "/api/0/locations?user=jane&device=phone&" + RANGE;

    @Test
    void versionHasTheRecordersKeys() {
        RecorderHttp.Answer answer = http.get("/api/0/version");
        assertJson(answer);
        assertThat(names(answer.ok())).containsExactlyInAnyOrderElementsOf(names(RecorderGolden.json("version.json")));
        assertThat(answer.ok().get("version").asString()).isNotBlank();
        assertThat(http.postForm("/api/0/version", Map.of()).ok()).isEqualTo(answer.ok());
    }

    @Test
    void listNamesTheUsersAndAUsersDevices() {
        RecorderHttp.Answer users = http.get("/api/0/list");
        assertJson(users);
        assertThat(names(users.ok())).containsExactly("results");
        assertThat(strings(users.ok().get("results")))
            .containsExactlyInAnyOrderElementsOf(strings(RecorderGolden.json("list.json").get("results")));
        assertThat(strings(http.get("/api/0/list?user=jane").ok().get("results")))
            .containsExactlyInAnyOrderElementsOf(strings(RecorderGolden.json("list-user.json").get("results")));
        assertThat(http.get("/api/0/list?user=nobody").ok().get("results")).isEmpty();
    }

    @Test
    void lastIsTheStoredJsonEnrichedAsByTheRecorder() {
        RecorderHttp.Answer answer = http.get("/api/0/last");
        assertJson(answer);
        assertSameObjectsByTopic(answer.ok(), RecorderGolden.json("last-all.json"));
        assertSameObjectsByTopic(http.get("/api/0/last?user=jane&device=phone").ok(),
                RecorderGolden.json("last-device.json"));
    }

    @Test
    void lastWithFieldsHasJustThoseInTheOrderAsked() {
        assertSameObjectsByTopic(http.get("/api/0/last?fields=tst,tid,topic,isotst").ok(),
                RecorderGolden.json("last-fields.json"));
    }

    @Test
    void locationsAsJson() {
        RecorderHttp.Answer answer = http.get(PHONE + "&format=json");
        assertJson(answer);
        assertSameLocations(answer.ok(), RecorderGolden.json("locations.json.out"));
        assertSameLocations(http.get(PHONE).ok(), RecorderGolden.json("locations.json.out"));
    }

    @Test
    void locationsWithLimitOneIsTheNewest() {
        assertSameLocations(http.get(PHONE + "&limit=1").ok(), RecorderGolden.json("locations-limit1.json"));
    }

    @Test
    void locationsWithHeadersAndFields() {
        RecorderHttp.Answer answer = http.get("/api/0/locations?" + RANGE + "&fields=tst,lat,lon", "X-Limit-User",
                "jane", "X-Limit-Device", "phone");
        assertSameLocations(answer.ok(), RecorderGolden.json("locations-headers-fields.json"));
    }

    @Test
    void locationsAsAFormPost() {
        RecorderHttp.Answer answer = http.postForm("/api/0/locations",
                Map.of("user", "jane", "device", "phone", "from", "2026-11-20", "to", "2026-11-30"));
        assertJson(answer);
        assertSameLocations(answer.ok(), RecorderGolden.json("locations-post-form.json"));
    }

    @Test
    void locationsAsGeoJson() {
        RecorderHttp.Answer answer = http.get(PHONE + "&format=geojson");
        assertJson(answer);
        assertThat(answer.ok()).isEqualTo(RecorderGolden.json("locations.geojson.out"));
    }

    @Test
    void locationsAsLineString() {
        RecorderHttp.Answer answer = http.get(PHONE + "&format=linestring");
        assertJson(answer);
        assertThat(answer.ok()).isEqualTo(RecorderGolden.json("locations.linestring.out"));
    }

    @Test
    void locationsAsCsv() {
        RecorderHttp.Answer answer = http.get(PHONE + "&format=csv");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/csv");
        List<String> lines = answer.body().lines().toList();
        List<String> golden = RecorderGolden.text("locations.csv.out").lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> goldenHeader = List.of(golden.get(0).split(",", -1));
        assertThat(header).containsAll(goldenHeader);
        assertThat(lines).hasSize(golden.size());
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.split(",", -1)).hasSameSizeAs(header.toArray()); // no quoted commas in this data
        }
        // the Recorder's first row is the one whose columns match its header
        Map<String, String> first = row(header, lines.get(1));
        Map<String, String> goldenFirst = row(goldenHeader, golden.get(1));
        goldenFirst.forEach((column, value) -> {
            if (!column.equals("isorcv")) {
                assertSameValue(column, first.get(column), value);
            }
        });
        assertThat(lines.subList(1, lines.size())).extracting(l -> row(header, l).get("tst"))
            .containsExactly("1795500000", "1795500060", "1795500120");
        assertThat(row(header, lines.get(3)).get("inregions")).isEqualTo("Office");
        assertThat(row(header, lines.get(2)).get("alt")).isEmpty();
    }

    @Test
    void locationsAsGpx() throws Exception {
        RecorderHttp.Answer answer = http.get(PHONE + "&format=gpx");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/gpx+xml");
        Element gpx = xml(answer.body()).getDocumentElement();
        Element golden = xml(RecorderGolden.text("locations.gpx.out")).getDocumentElement();
        assertThat(gpx.getNamespaceURI()).isEqualTo(golden.getNamespaceURI()).isEqualTo("http://www.topografix.com/GPX/1/1");
        assertThat(gpx.getLocalName()).isEqualTo("gpx");
        assertThat(gpx.getAttribute("version")).isEqualTo("1.1");
        List<Element> points = elements(gpx.getElementsByTagNameNS("*", "trkpt"));
        List<Element> goldenPoints = elements(golden.getElementsByTagNameNS("*", "trkpt"));
        assertThat(points).hasSameSizeAs(goldenPoints);
        for (int i = 0; i < points.size(); i++) {
            Element point = points.get(i);
            Element expected = goldenPoints.get(i);
            assertSameValue("lat", point.getAttribute("lat"), expected.getAttribute("lat"));
            assertSameValue("lon", point.getAttribute("lon"), expected.getAttribute("lon"));
            assertThat(childText(point, "time")).isEqualTo(childText(expected, "time"));
            assertSameValue("ele", childText(point, "ele"), childText(expected, "ele"));
        }
        assertThat(((Element) points.get(0).getParentNode()).getLocalName()).isEqualTo("trkseg");
    }

    @Test
    void locationsAsXml() throws Exception {
        RecorderHttp.Answer answer = http.get(PHONE + "&format=xml");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        Element root = xml(answer.body()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("owntracks");
        List<Element> points = elements(root.getElementsByTagName("point"));
        List<Element> golden = elements(xml(RecorderGolden.text("locations.xml.out").replaceFirst(
                "(?s)^<\\?xml[^>]*\\?>\\s*", "")).getDocumentElement().getElementsByTagName("point"));
        assertThat(points).hasSameSizeAs(golden);
        for (int i = 0; i < points.size(); i++) {
            Map<String, String> fields = children(points.get(i));
            Map<String, String> expected = children(golden.get(i));
            assertThat(new ArrayList<>(fields.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
            expected.forEach((name, value) -> {
                // isorcv: the time of receipt; inregions: the Recorder writes an array as nothing
                if (!name.equals("isorcv") && !name.equals("inregions")) {
                    assertSameValue(name, fields.get(name), value);
                }
            });
        }
        assertThat(children(points.get(2)).get("inregions")).isEqualTo("Office");
    }

    @Test
    void monitorIsTheTimeAndTopicLastHeard() {
        RecorderHttp.Answer answer = http.get("/api/0/monitor");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        String pattern = "\\d+ owntracks/[^ ]+\\n";
        assertThat(RecorderGolden.text("monitor.txt")).matches(pattern);
        assertThat(answer.body()).matches(pattern).contains(" owntracks/");
    }

    // --- comparisons

    /** Same objects, matched by topic: equal values and the same keys in the same order. */
    private static void assertSameObjectsByTopic(JsonNode actual, JsonNode golden) {
        assertThat(actual.isArray()).isTrue();
        Map<String, JsonNode> byTopic = new HashMap<>();
        actual.forEach(o -> byTopic.put(o.get("topic").asString(), o));
        assertThat(byTopic.keySet()).containsExactlyInAnyOrderElementsOf(
                golden.valueStream().map(o -> o.get("topic").asString()).toList());
        golden.forEach(expected -> {
            JsonNode object = byTopic.get(expected.get("topic").asString());
            assertThat(names(object)).isEqualTo(names(expected));
            assertThat(object).isEqualTo(expected);
        });
    }

    /**
     * {@code count}, {@code status}, {@code version} and {@code data} with the same points in the
     * same order, each with the same keys in the same order and the same values but
     * {@code isorcv} (when Waymark received it).
     */
    private static void assertSameLocations(JsonNode actual, JsonNode golden) {
        assertThat(Set.copyOf(names(actual))).isEqualTo(Set.copyOf(names(golden)));
        assertThat(actual.get("count")).isEqualTo(golden.get("count"));
        assertThat(actual.get("status")).isEqualTo(golden.get("status"));
        assertThat(actual.get("data")).hasSameSizeAs(golden.get("data"));
        for (int i = 0; i < golden.get("data").size(); i++) {
            ObjectNode point = (ObjectNode) actual.get("data").get(i).deepCopy();
            ObjectNode expected = (ObjectNode) golden.get("data").get(i).deepCopy();
            assertThat(names(point)).isEqualTo(names(expected));
            if (expected.has("isorcv")) {
                assertThat(RecorderTime.parse(point.remove("isorcv").asString())).isNotNull();
                expected.remove("isorcv");
            }
            assertThat(point).isEqualTo(expected);
        }
    }

    private static void assertSameValue(String name, String actual, String expected) {
        if (expected == null) {
            assertThat(actual).as(name).isNull();
            return;
        }
        assertThat(actual).as(name).isNotNull();
        if (expected.matches("-?\\d+(\\.\\d+)?")) {
            assertThat(new BigDecimal(actual)).as(name).isEqualByComparingTo(new BigDecimal(expected));
        }
        else {
            assertThat(actual).as(name).isEqualTo(expected);
        }
    }

    private static void assertJson(RecorderHttp.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
    }

    static List<String> names(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static Map<String, String> row(List<String> header, String line) {
        String[] cells = line.split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size() && i < cells.length; i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Map<String, String> children(Element parent) {
        Map<String, String> children = new LinkedHashMap<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.put(element.getTagName(), element.getTextContent());
            }
        }
        return children;
    }

    private static String childText(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
