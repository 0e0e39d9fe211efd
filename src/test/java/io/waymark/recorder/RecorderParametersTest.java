package io.waymark.recorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways a Recorder client passes parameters (query, form, {@code X-Limit-*} headers; the
 * Recorder's time formats and epoch seconds), and what a bad one gets, on the golden input.
 */
class RecorderParametersTest extends GoldenInputTest {

    private static final List<Long> PHONE_TSTS = List.of(1795500000L, 1795500060L, 1795500120L);

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource(delimiter = ';', value = {
            "2026-11-24T06:01;2026-11-24T06:01:30Z;1795500060",
            "2026-11-24T06:00:30Z;2026-11-24T06:02:00;1795500060,1795500120",
            "2026-11-24;2026-11-25;1795500000,1795500060,1795500120",
            "2026-11-24Z;2026-11-25Z;1795500000,1795500060,1795500120",
            "2026-11;2026-12;1795500000,1795500060,1795500120",
            "2026-11-24T06:01:00Z;2026-11-24T06:01:00Z;1795500060",
            "2026-11-24T06;2026-11-24T06:00:59;1795500000",
            "1795500060;1795500119;1795500060",
            "2026-11-24T06:01:00+00:00;2026-11-24T07:01:59+01:00;1795500060",
            "2026-11-25;2026-11-26;" })
    void fromAndToInTheRecordersFormatsAndEpochSeconds(String from, String to, String expected) {
        List<Long> tsts = expected == null ? List.of() : List.of(expected.split(",")).stream().map(Long::valueOf).toList();
        assertThat(tsts(http.get("/api/0/locations?user=jane&device=phone&from=" + from.replace("+", "%2B") + "&to="
                + to.replace("+", "%2B")).ok())).containsExactlyElementsOf(tsts);
        assertThat(tsts(http.postForm("/api/0/locations",
                Map.of("user", "jane", "device", "phone", "from", from, "to", to)).ok())).containsExactlyElementsOf(tsts);
        assertThat(tsts(http.get("/api/0/locations", "X-Limit-User", "jane", "X-Limit-Device", "phone",
                "X-Limit-From", from, "X-Limit-To", to).ok())).containsExactlyElementsOf(tsts);
    }

    @Test
    void withoutFromTheLastSixHours() {
        long now = Instant.now().getEpochSecond();
        List<Long> expected = PHONE_TSTS.stream().filter(t -> t >= now - 6 * 3600 - 5 && t <= now).toList();
        JsonNode answer = http.get("/api/0/locations?user=jane&device=phone").ok();
        assertThat(tsts(answer)).containsExactlyElementsOf(expected);
        assertThat(answer.get("count").asInt()).isEqualTo(expected.size());
    }

    @Test
    void aHeaderWinsOverTheQuery() {
        assertThat(tsts(http.get("/api/0/locations?user=jane&device=phone&from=2026-11-20&to=2026-11-30",
                "X-Limit-Device", "tablet").ok())).containsExactly(1795500030L);
    }

    @Test
    void limitGivesTheNewestNewestFirst() {
        JsonNode answer = http.get("/api/0/locations?user=jane&device=phone&from=2026-11-20&to=2026-11-30&limit=2").ok();
        assertThat(tsts(answer)).containsExactly(1795500120L, 1795500060L);
        assertThat(answer.get("count").asInt()).isEqualTo(2);
        assertThat(tsts(http.get("/api/0/locations?user=jane&device=phone&from=2026-11-20&to=2026-11-30&limit=0")
            .ok())).containsExactlyElementsOf(PHONE_TSTS);
    }

    @Test
    void lastOfOneUserAndWithFieldsByForm() {
        assertThat(http.get("/api/0/last?user=jane").ok().valueStream().map(o -> o.get("topic").asString()))
            .containsExactly("owntracks/jane/phone", "owntracks/jane/tablet");
        // like the Recorder, a device without a user narrows nothing
        assertThat(http.get("/api/0/last?device=phone").ok()).hasSize(3);
        JsonNode last = http.postForm("/api/0/last", Map.of("user", "jane", "fields", "tid, lat")).ok();
        assertThat(last).hasSize(2);
        last.forEach(o -> assertThat(RecorderContractTest.names(o)).containsExactly("tid", "lat"));
        assertThat(http.get("/api/0/last", "X-Limit-User", "bob").ok().get(0).get("device").asString()).isEqualTo("car");
        assertThat(http.get("/api/0/last?user=nobody").ok()).isEmpty();
    }

    @Test
    void csvWithFieldsHasThoseColumns() {
        RecorderHttp.Answer answer = http.get(
                "/api/0/locations?user=jane&device=phone&from=2026-11-20&to=2026-11-30&format=csv&fields=tst,batt,inregions");
        assertThat(answer.body().lines().toList()).containsExactly("tst,batt,inregions", "1795500000,80,",
                "1795500060,79,", "1795500120,78,Office");
    }

    @Test
    void browsersFromOtherOriginsMayCall() {
        RecorderHttp.Answer answer = http.get("/api/0/last", "Origin", "http://frontend.example");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.allowOrigin()).isIn("*", "http://frontend.example");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "user=jane&device=phone&format=kml;400",
            "user=jane&device=phone&limit=-1;400",
            "user=jane&device=phone&limit=many;400",
            "user=jane&device=phone&from=yesterday;416",
            "user=jane&device=phone&from=2026-13-01;416",
            "user=jane&device=phone&from=2026-02-30;416",
            "user=jane&device=phone&from=2026-11-30&to=2026-11-20;416",
            "user=jane;416",
            "device=phone;416" })
    void badParametersGetAProblem(String query, int status) {
        RecorderHttp.Answer answer = http.get("/api/0/locations?" + query);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void badHeaderGetsAProblemToo() {
        RecorderHttp.Answer answer = http.get("/api/0/locations?user=jane&device=phone", "X-Limit-To", "soon");
        assertThat(answer.status()).isEqualTo(416);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains("'to'", "soon");
    }

    private static List<Long> tsts(JsonNode locations) {
        return locations.get("data").valueStream().map(p -> p.get("tst").asLong()).toList();
    }
}
