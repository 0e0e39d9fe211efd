package io.waymark.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.WebSocketFrames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /ws/last} as the OwnTracks Frontend uses it: {@code LAST}, then a frame per new location. */
class LastLocationSocketTest extends EmbeddedWaymarkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    @Autowired
    private LastLocationSocket socket;

    @Test
    void lastSendsEveryLastLocationThenNewOnesArePushed() throws Exception {
        long now = Phone.now();
        try (Phone phone = phone("wsann", "phone")) {
            phone.publish("{\"_type\":\"card\",\"name\":\"Ann\",\"tid\":\"wa\"}");
            phone.publishLocation(48.20, 16.37, now - 60);
            await().atMost(WAIT).until(() -> !api().get("/api/0/last?user=wsann").isEmpty());

            WebSocketFrames frames = new WebSocketFrames();
            WebSocket ws = open("/ws/last", frames);
            ws.sendText("LAST", true).get(5, TimeUnit.SECONDS);
            JsonNode first = frames.until(f -> "wsann".equals(f.path("username").asString()));
            assertThat(first.get("_type").asString()).isEqualTo("location");
            assertThat(first.get("device").asString()).isEqualTo("phone");
            assertThat(first.get("topic").asString()).isEqualTo("owntracks/wsann/phone");
            assertThat(first.get("tst").asLong()).isEqualTo(now - 60);
            assertThat(first.get("name").asString()).isEqualTo("Ann");

            phone.publishLocation(48.21, 16.38, now);
            JsonNode pushed = frames.until(f -> "wsann".equals(f.path("username").asString()) && f.path("tst").asLong() == now);
            assertThat(pushed.get("_type").asString()).isEqualTo("location");
            assertThat(pushed.get("device").asString()).isEqualTo("phone");
            assertThat(pushed.get("topic").asString()).isEqualTo("owntracks/wsann/phone");
            assertThat(pushed.get("lat").asDouble()).isEqualTo(48.21);
            assertThat(pushed.get("batt").asInt()).isEqualTo(77); // the stored JSON, field for field
            assertThat(pushed.get("isotst").asString()).isEqualTo(RecorderTime.iso(now));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        }
        await().atMost(WAIT).until(() -> socket.openSockets() == 0);
    }

    @Test
    void aClientNarrowedToOneUserGetsOnlyThatUsersLocations() throws Exception {
        long now = Phone.now();
        try (Phone ben = phone("wsben", "phone");
                Phone cat = phone("wscat", "phone")) {
            WebSocketFrames frames = new WebSocketFrames();
            WebSocket ws = open("/ws/last?user=wscat", frames);
            await().atMost(WAIT).until(() -> socket.openSockets() >= 1);
            ben.publishLocation(40.0, -3.0, now);
            await().atMost(WAIT).until(() -> !api().get("/api/0/last?user=wsben").isEmpty());
            cat.publishLocation(41.0, -4.0, now);
            // ben's was stored (and would have been pushed) first: the first frame must be cat's
            JsonNode frame = frames.next();
            assertThat(frame.get("username").asString()).isEqualTo("wscat");
            ws.sendText("LAST", true).get(5, TimeUnit.SECONDS);
            assertThat(frames.next().get("username").asString()).isEqualTo("wscat");
            ws.abort();
        }
    }

    @Test
    void aLateOlderFixIsNotPushed() throws Exception {
        long now = Phone.now();
        try (Phone dan = phone("wsdan", "phone")) {
            dan.publishLocation(50.0, 8.0, now);
            await().atMost(WAIT).until(() -> !api().get("/api/0/last?user=wsdan").isEmpty());
            WebSocketFrames frames = new WebSocketFrames();
            WebSocket ws = open("/ws/last?user=wsdan", frames);
            await().atMost(WAIT).until(() -> socket.openSockets() >= 1);
            dan.publishLocation(50.1, 8.1, now - 600); // arrives late: the pin stays where it is
            dan.publishLocation(50.2, 8.2, now + 1);
            assertThat(frames.next().get("tst").asLong()).isEqualTo(now + 1);
            ws.abort();
        }
    }

    private WebSocket open(String path, WebSocketFrames frames) throws Exception {
        return HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD))
            .buildAsync(URI.create("ws://127.0.0.1:" + port + path), frames)
            .get(10, TimeUnit.SECONDS);
    }
}
