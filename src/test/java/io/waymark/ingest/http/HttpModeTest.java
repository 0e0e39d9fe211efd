package io.waymark.ingest.http;

import java.util.ArrayList;
import java.util.List;

import io.waymark.support.Api.Response;
import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OwnTracks HTTP mode over real HTTP, into the same flow as MQTT: who publishes (headers, query,
 * Basic), the answer after the commit, bad payloads kept, friends and queued commands in the answer.
 */
class HttpModeTest extends EmbeddedWaymarkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void headersNameUserAndDeviceAndTheAnswerComesAfterTheCommit() {
        long tst = Phone.now();
        Response response = api().pub("hdr", "phone", Phone.location(48.1, 11.5, tst));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().isArray()).isTrue();
        // committed before the answer: no waiting
        JsonNode device = api().device("hdr", "phone");
        assertThat(device.get("location").get("tst").asLong()).isEqualTo(tst);
        assertThat(device.get("transport").asString()).isEqualTo("http");
        assertThat(device.get("presence").get("state").asString()).isEqualTo("online");
    }

    @Test
    void queryParametersNameUserAndDevice() {
        long tst = Phone.now();
        assertThat(api().createUser("qry").send("POST", "/pub?u=qry&d=tablet", Phone.location(1, 2, tst)).status())
            .isEqualTo(200);
        assertThat(api().device("qry", "tablet").get("location").get("tst").asLong()).isEqualTo(tst);
    }

    @Test
    void basicUserNameIsTheUserAndTheDeviceComesFromTheHeader() {
        long tst = Phone.now();
        Api bas = api().createUser("bas"); // HTTP Basic as bas
        assertThat(bas.send("POST", "/pub", Phone.location(3, 4, tst), "X-Limit-D", "watch").status()).isEqualTo(200);
        assertThat(api().device("bas", "watch").get("location").get("tst").asLong()).isEqualTo(tst);
        // and with ?d= instead of the header
        assertThat(bas.send("POST", "/pub?d=car", Phone.location(3, 4, tst)).status()).isEqualTo(200);
        assertThat(api().device("bas", "car")).isNotNull();
    }

    @Test
    void withoutCredentialsOrDeviceTheRequestIsRefused() {
        Response anonymous = api().anonymous().send("POST", "/pub", Phone.location(3, 4, Phone.now()), "X-Limit-U", "x",
                "X-Limit-D", "x");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Response noDevice = api().createUser("x").send("POST", "/pub", Phone.location(3, 4, Phone.now()), "X-Limit-U", "x");
        assertThat(noDevice.status()).isEqualTo(400);
        assertThat(noDevice.contentType()).startsWith("application/problem+json");
        assertThat(noDevice.json().get("detail").asString()).contains("no device");
    }

    @Test
    void aResentMessageIsStoredOnce() {
        long tst = Phone.now() - 100;
        String location = Phone.location(10, 20, tst);
        assertThat(api().pub("resend", "phone", location).status()).isEqualTo(200);
        assertThat(api().pub("resend", "phone", location).status()).isEqualTo(200);
        JsonNode history = api().get("/api/v1/devices/resend/phone/locations?from=" + (tst - 10) + "&to=" + (tst + 10));
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void badPayloadsAreBadRequestsAndKept() {
        Response malformed = api().pub("bad", "phone", "{\"_type\":\"location\",\"lat\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("reason").asString()).isEqualTo("malformed-json");
        Response outOfRange = api().pub("bad", "phone", "{\"_type\":\"location\",\"lat\":91,\"lon\":0,\"tst\":1}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("reason").asString()).isEqualTo("out-of-range");
        List<String> reasons = new ArrayList<>();
        for (JsonNode r : api().get("/api/v1/rejected?limit=1000")) {
            if (r.get("topic").asString().equals("owntracks/bad/phone")) {
                reasons.add(r.get("reason").asString());
            }
        }
        assertThat(reasons).contains("malformed-json", "out-of-range");
    }

    @Test
    void aPayloadOverTheLimitIsTooLarge() {
        // the test profile allows 16KB
        String huge = "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":3,\"pad\":\"" + "x".repeat(17 * 1024) + "\"}";
        Response response = api().pub("big", "phone", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("reason").asString()).isEqualTo("too-large");
    }

    @Test
    void theAnswerHasFriendsLocationsAndCards() {
        long tst = Phone.now() - 50;
        api().pub("fr-anna", "phone", "{\"_type\":\"location\",\"lat\":52.5,\"lon\":13.4,\"tst\":\"" + tst + "\"}");
        api().pub("fr-anna", "phone", "{\"_type\":\"card\",\"name\":\"Anna\",\"face\":\"iVBORw0KGgo=\"}");
        Response answer = api().pub("fr-ben", "phone", Phone.location(52.6, 13.5, Phone.now()));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode location = element(answer.json(), "location", "owntracks/fr-anna/phone");
        assertThat(location).as(answer.body()).isNotNull();
        assertThat(location.get("lat").asDouble()).isEqualTo(52.5);
        assertThat(location.get("tst").isNumber()).isTrue();
        assertThat(location.get("tst").asLong()).isEqualTo(tst);
        assertThat(location.get("tid").asString()).isEqualTo("ne"); // the default: last two of "phone"
        JsonNode card = element(answer.json(), "card", "owntracks/fr-anna/phone/info");
        assertThat(card).as(answer.body()).isNotNull();
        assertThat(card.get("name").asString()).isEqualTo("Anna");
        assertThat(card.get("face").asString()).isEqualTo("iVBORw0KGgo=");
        assertThat(card.get("tid").asString()).isEqualTo("ne");
        assertThat(card.get("tst").isNumber()).isTrue();
        // never the asking device itself
        assertThat(element(answer.json(), "location", "owntracks/fr-ben/phone")).isNull();
    }

    @Test
    void aQueuedCommandIsDeliveredOnce() {
        api().pub("cmd-http", "phone", Phone.location(1, 1, Phone.now()));
        Response queued = api().send("POST", "/api/v1/devices/cmd-http/phone/commands", "{\"action\":\"reportLocation\"}");
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("state").asString()).isEqualTo("queued");
        assertThat(queued.json().get("action").asString()).isEqualTo("reportLocation");
        assertThat(queued.json().get("createdAt").asString()).isNotBlank();
        long id = queued.json().get("id").asLong();

        JsonNode first = api().pub("cmd-http", "phone", Phone.location(1, 1, Phone.now() + 1)).json();
        JsonNode cmd = element(first, "cmd", null);
        assertThat(cmd).as(first.toString()).isNotNull();
        assertThat(cmd.get("action").asString()).isEqualTo("reportLocation");
        JsonNode second = api().pub("cmd-http", "phone", Phone.location(1, 1, Phone.now() + 2)).json();
        assertThat(element(second, "cmd", null)).as(second.toString()).isNull();

        JsonNode listed = api().get("/api/v1/devices/cmd-http/phone/commands");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(listed.get(0).get("state").asString()).isEqualTo("sent");
    }

    @Test
    void queuedSetConfigurationAndClearWaypointsComeInTheNextAnswerInOrderAndOnce() {
        String path = "/api/v1/devices/cmd-http-conf/phone/commands";
        assertThat(api().pub("cmd-http-conf", "phone", Phone.location(2, 2, Phone.now())).status()).isEqualTo(200);
        Response configure = api().send("POST", path, "{\"action\":\"setConfiguration\","
                + "\"configuration\":{\"locatorInterval\":120,\"mode\":3,\"url\":\"https://waymark.example/pub\"}}");
        assertThat(configure.status()).as(configure.body()).isEqualTo(202);
        assertThat(configure.json().get("action").asString()).isEqualTo("setConfiguration");
        assertThat(configure.json().get("state").asString()).isEqualTo("queued");
        Response clear = api().send("POST", path, "{\"action\":\"clearWaypoints\"}");
        assertThat(clear.status()).as(clear.body()).isEqualTo(202);
        assertThat(clear.json().get("action").asString()).isEqualTo("clearWaypoints");
        assertThat(clear.json().get("state").asString()).isEqualTo("queued");

        JsonNode waiting = api().get(path);
        assertThat(waiting).extracting(c -> c.get("action").asString()).containsExactly("setConfiguration", "clearWaypoints");
        assertThat(waiting).extracting(c -> c.get("state").asString()).containsExactly("queued", "queued");
        assertThat(waiting).allSatisfy(c -> assertThat(c.get("sentAt").isNull()).as(c.toString()).isTrue());

        Response first = api().pub("cmd-http-conf", "phone", Phone.location(2, 2, Phone.now() + 1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(elements(first.json(), "cmd")).as(first.body()).containsExactly(
                JSON.readTree("{\"_type\":\"cmd\",\"action\":\"setConfiguration\",\"configuration\":"
                        + "{\"_type\":\"configuration\",\"locatorInterval\":120,\"mode\":3,"
                        + "\"url\":\"https://waymark.example/pub\"}}"),
                JSON.readTree("{\"_type\":\"cmd\",\"action\":\"clearWaypoints\"}"));
        Response second = api().pub("cmd-http-conf", "phone", Phone.location(2, 2, Phone.now() + 2));
        assertThat(second.status()).isEqualTo(200);
        assertThat(elements(second.json(), "cmd")).as(second.body()).isEmpty();

        JsonNode delivered = api().get(path);
        assertThat(delivered).extracting(c -> c.get("id").asLong())
            .containsExactly(configure.json().get("id").asLong(), clear.json().get("id").asLong());
        assertThat(delivered).extracting(c -> c.get("state").asString()).containsExactly("sent", "sent");
        assertThat(delivered).allSatisfy(c -> assertThat(c.get("sentAt").asString()).as(c.toString()).isNotBlank());
    }

    /** All elements of {@code answer} with {@code _type}, in order. */
    static List<JsonNode> elements(JsonNode answer, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : answer) {
            if (e.get("_type").asString().equals(type)) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void aCommandNeedsAKnownActionAndWhatItCarries() {
        api().pub("cmd-bad", "phone", Phone.location(1, 1, Phone.now()));
        Response unknown = api().send("POST", "/api/v1/devices/cmd-bad/phone/commands", "{\"action\":\"selfDestruct\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Response noWaypoints = api().send("POST", "/api/v1/devices/cmd-bad/phone/commands", "{\"action\":\"setWaypoints\"}");
        assertThat(noWaypoints.status()).isEqualTo(400);
        assertThat(noWaypoints.json().get("detail").asString()).contains("waypoints");
        assertThat(api().send("POST", "/api/v1/devices/nobody/none/commands", "{\"action\":\"dump\"}").status())
            .isEqualTo(404);
    }

    /** The element of {@code answer} with {@code _type} and, unless null, {@code topic}. */
    static JsonNode element(JsonNode answer, String type, String topic) {
        for (JsonNode e : answer) {
            if (e.get("_type").asString().equals(type) && (topic == null || topic.equals(e.path("topic").asString()))) {
                return e;
            }
        }
        return null;
    }

    @Test
    void aUserMayPublishOnlyAsItself() {
        Response spoofed = api().createUser("spoofer").send("POST", "/pub", Phone.location(5, 5, Phone.now()),
                "X-Limit-U", "victim", "X-Limit-D", "phone");
        assertThat(spoofed.status()).isEqualTo(403);
        assertThat(spoofed.contentType()).startsWith("application/problem+json");
        assertThat(spoofed.json().get("detail").asString()).isEqualTo("'spoofer' may not publish as 'victim'");
        assertThat(api().device("victim", "phone")).as("nothing stored for the victim").isNull();
        Response spoofedByQuery = api().createUser("spoofer").send("POST", "/pub?u=victim&d=phone",
                Phone.location(5, 5, Phone.now()));
        assertThat(spoofedByQuery.status()).isEqualTo(403);
    }
}
