package io.waymark.friends;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.WebSocketFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Who sees what in mode {@code groups}: ann and ben share a group, cat is a stranger to both.
 * Cat must not learn anything of ann's device through any face of Waymark: the device and its
 * sub-resources (the same 404 as an unknown device), the lists, exports, the Recorder API, the
 * SSE stream and {@code /ws/last}; ben sees it; the admin sees everything.
 */
@TestPropertySource(properties = "waymark.friends.mode=groups")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsVisibilityTest extends EmbeddedWaymarkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String UNKNOWN = "device 'gvann/phone' is unknown";

    @LocalServerPort
    private int port;

    private Api ann;

    private Api ben;

    private Api cat;

    private final long tst = Phone.now() - 3600;

    @BeforeAll
    void annAndBenShareAGroupCatIsAStranger() {
        ann = api().createUser("gvann");
        ben = api().createUser("gvben");
        cat = api().createUser("gvcat");
        assertThat(api().send("POST", "/api/v1/groups", "{\"name\":\"gv-family\",\"members\":[\"gvann\",\"gvben\"]}")
            .status()).isEqualTo(201);
        publish("gvcat", 10, 10, tst);
        publish("gvben", 20, 20, tst);
        publish("gvann", 48.2, 16.4, tst);
        await().atMost(WAIT).until(() -> api().get("/api/v1/devices").size() >= 3);
    }

    @Test
    void aStrangersDeviceAnswersTheSame404AsAnUnknownOne() {
        Api.Response unknown = cat.call("/api/v1/devices/gvann/nosuch");
        for (String path : List.of("", "/locations?from=0", "/presence", "/transitions", "/locations?format=gpx&from=0",
                "/locations?format=csv&from=0", "/locations?format=geojson&from=0")) {
            Api.Response forbidden = cat.call("/api/v1/devices/gvann/phone" + path);
            assertThat(forbidden.status()).as(path).isEqualTo(404);
            assertThat(forbidden.contentType()).as(path).startsWith("application/problem+json");
            assertThat(forbidden.json().get("detail").asString()).as(path).isEqualTo(UNKNOWN);
            assertThat(forbidden.json().get("title").asString()).isEqualTo(unknown.json().get("title").asString());
            assertThat(forbidden.body()).doesNotContain("48.2");
        }
        assertThat(unknown.json().get("detail").asString()).isEqualTo("device 'gvann/nosuch' is unknown");
    }

    @Test
    void listsShowACallerOnlyItsOwnAndItsFriendsDevices() {
        assertThat(users(cat.get("/api/v1/devices"))).containsExactly("gvcat");
        assertThat(cat.get("/api/v1/devices?user=gvann")).isEmpty();
        assertThat(users(ben.get("/api/v1/devices"))).containsExactly("gvann", "gvben");
        assertThat(users(ann.get("/api/v1/devices"))).containsExactly("gvann", "gvben");
        assertThat(users(api().get("/api/v1/devices"))).contains("gvann", "gvben", "gvcat");
    }

    @Test
    void aFriendAndTheAdminSeeTheDeviceAndItsHistory() {
        for (Api viewer : List.of(ben, api())) {
            assertThat(viewer.get("/api/v1/devices/gvann/phone").get("location").get("lat").asDouble()).isEqualTo(48.2);
            assertThat(viewer.get("/api/v1/devices/gvann/phone/locations?from=0")).hasSize(1);
            assertThat(viewer.call("/api/v1/devices/gvann/phone/locations?format=gpx&from=0").body()).contains("48.2");
            assertThat(viewer.call("/api/v1/devices/gvann/phone/presence").status()).isEqualTo(200);
        }
    }

    @Test
    void theRecorderApiShowsNoStranger() {
        assertThat(cat.get("/api/0/list").get("results").toString()).isEqualTo("[\"gvcat\"]");
        assertThat(cat.get("/api/0/list?user=gvann").get("results")).isEmpty();
        assertThat(usernames(cat.get("/api/0/last"))).isNotEmpty().containsOnly("gvcat");
        assertThat(cat.get("/api/0/last?user=gvann")).isEmpty();
        assertThat(cat.get("/api/0/locations?user=gvann&device=phone&from=1970-01-01").get("data")).isEmpty();
        assertThat(cat.call("/api/0/monitor").body()).doesNotContain("gvann").contains("owntracks/gvcat/");
        assertThat(ben.get("/api/0/list").get("results").toString()).isEqualTo("[\"gvann\",\"gvben\"]");
        assertThat(ben.get("/api/0/locations?user=gvann&device=phone&from=1970-01-01").get("data")).hasSize(1);
        assertThat(usernames(api().get("/api/0/last"))).contains("gvann", "gvben", "gvcat");
    }

    @Test
    void theStreamCarriesOnlyWhatItsSubscriberMaySee() throws Exception {
        try (Events catEvents = Events.open(port, "gvcat"); Events benEvents = Events.open(port, "gvben")) {
            publish("gvann", 48.3, 16.5, tst + 10);
            publish("gvcat", 11, 11, tst + 10);
            // ann's was published first: once cat has its own, ann's would have come already
            assertThat(catEvents.until(e -> e.path("location").isObject()).get("user").asString()).isEqualTo("gvcat");
            assertThat(benEvents.until(e -> "gvann".equals(e.path("user").asString())
                && e.path("location").isObject()).get("location").get("lat")
                .asDouble()).isEqualTo(48.3);
            assertThat(catEvents.seen()).noneMatch(e -> e.toString().contains("gvann"));
        }
    }

    @Test
    void theWebsocketSendsOnlyWhatItsUserMaySee() throws Exception {
        WebSocketFrames catFrames = new WebSocketFrames();
        WebSocket catSocket = websocket("gvcat", catFrames);
        WebSocketFrames benFrames = new WebSocketFrames();
        WebSocket benSocket = websocket("gvben", benFrames);
        catSocket.sendText("LAST", true).get(5, TimeUnit.SECONDS);
        assertThat(catFrames.next().get("username").asString()).isEqualTo("gvcat");
        publish("gvann", 48.4, 16.6, tst + 20);
        publish("gvcat", 12, 12, tst + 20);
        assertThat(catFrames.next().get("username").asString()).isEqualTo("gvcat"); // not ann's, which came first
        assertThat(benFrames.until(f -> "gvann".equals(f.path("username").asString())).get("lat").asDouble())
            .isEqualTo(48.4);
        catSocket.abort();
        benSocket.abort();
    }

    @Test
    void anAnonymousWebsocketHandshakeIsRefused() {
        assertThatThrownBy(() -> HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/last"), new WebSocketFrames())
            .join()).isInstanceOf(CompletionException.class)
            .cause()
            .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                    ex -> assertThat(ex.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void aUserImportsOnlyIntoItsOwnDevices() {
        String gpx = "<gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
                + "<trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>";
        Api.Response forged = cat.send("POST", "/api/v1/import?user=gvann&device=phone&format=gpx", gpx);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/devices/gvann/phone/locations?from=0")).noneMatch(l -> l.get("lat").asDouble() == 1);
        assertThat(cat.send("POST", "/api/v1/import?user=gvcat&device=imported&format=gpx", gpx).status()).isEqualTo(200);
    }

    private void publish(String user, double lat, double lon, long at) {
        try (Phone phone = phone(user, "phone")) {
            phone.publishLocation(lat, lon, at);
        }
    }

    private WebSocket websocket(String user, WebSocketFrames frames) throws Exception {
        return HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", Api.basic(user, Api.passwordOf(user)))
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/last"), frames)
            .get(10, TimeUnit.SECONDS);
    }

    private static List<String> users(JsonNode devices) {
        List<String> users = new ArrayList<>();
        devices.forEach(d -> users.add(d.get("user").asString()));
        return users.stream().filter(u -> u.startsWith("gv")).distinct().toList();
    }

    private static List<String> usernames(JsonNode last) {
        List<String> users = new ArrayList<>();
        last.forEach(d -> users.add(d.get("username").asString()));
        return users;
    }

    /** The data of the SSE events one subscriber receives. */
    static final class Events implements AutoCloseable {

        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

        private final List<JsonNode> seen = new ArrayList<>();

        private final Stream<String> lines;

        private Events(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(() -> lines.filter(l -> l.startsWith("data:"))
                .forEach(l -> received.add(JSON.readTree(l.substring(5)))), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Events open(int port, String user) throws Exception {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
                    .header("Authorization", Api.basic(user, Api.passwordOf(user)))
                    .header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Events(response.body());
        }

        JsonNode until(Predicate<JsonNode> wanted) throws InterruptedException {
            while (true) {
                JsonNode event = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(event).as("an event within " + WAIT).isNotNull();
                seen.add(event);
                if (wanted.test(event)) {
                    return event;
                }
            }
        }

        List<JsonNode> seen() {
            return seen;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
