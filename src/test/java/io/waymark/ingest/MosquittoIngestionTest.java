package io.waymark.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.waymark.support.Api;
import io.waymark.support.H2Files;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.Waits;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end-to-end suite against a real Mosquitto the test starts on a free port, with the
 * embedded broker off: what phones publish is stored, wills and silence make devices
 * offline, and nothing published while Waymark is down is lost.
 */
class MosquittoIngestionTest {

    static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;

    static MosquittoProcess mosquitto;

    static WaymarkApp waymark;

    @BeforeAll
    static void start() {
        MosquittoProcess.requireInstalled();
        mosquitto = MosquittoProcess.builder().start();
        waymark = startWaymark();
    }

    @AfterAll
    static void stop() {
        if (waymark != null) {
            waymark.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    static WaymarkApp startWaymark() {
        return WaymarkApp.start(Map.of("waymark.broker.enabled", "false", "waymark.mqtt.url", mosquitto.url(),
                "waymark.mqtt.client-id", "waymark-mosquitto-test",
                "spring.datasource.url", H2Files.url(dir),
                "waymark.presence.timeout", PRESENCE_TIMEOUT.toSeconds() + "s",
                "waymark.api.device-list-refresh", "1h")); // only the writers' marks move the cached device list
    }

    static Api api() {
        return waymark.api();
    }

    @Test
    void lastLocationIsTheNewestPublished() {
        long tst = Phone.now() - 100;
        try (Phone phone = Phone.connect(mosquitto.url(), "mq1", "phone")) {
            phone.publishLocation(1, 1, tst).publishLocation(2, 2, tst + 10).publishLocation(3, 3, tst + 20);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> lastTst("mq1") == tst + 20);
        assertThat(api().get("/api/v1/devices/mq1/phone/locations")).hasSize(3);
    }

    @Test
    void olderLocationDoesNotMoveLastKnownBackwards() {
        long tst = Phone.now() - 100;
        try (Phone phone = Phone.connect(mosquitto.url(), "mq2", "phone")) {
            phone.publishLocation(5, 5, tst).publishLocation(4, 4, tst - 50);
        }
        await().atMost(Duration.ofSeconds(15))
            .until(() -> api().device("mq2", "phone") != null
                    && api().get("/api/v1/devices/mq2/phone/locations").size() == 2);
        assertThat(lastTst("mq2")).isEqualTo(tst);
        assertThat(api().device("mq2", "phone").get("location").get("lat").asDouble()).isEqualTo(5);
    }

    @Test
    void duplicateIsStoredOnce() {
        long tst = Phone.now() - 100;
        try (Phone phone = Phone.connect(mosquitto.url(), "mq3", "phone")) {
            phone.publishLocation(5, 5, tst).publishLocation(5, 5, tst).publishLocation(6, 6, tst + 1);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> lastTst("mq3") == tst + 1);
        assertThat(api().get("/api/v1/devices/mq3/phone/locations")).hasSize(2);
    }

    @Test
    void abruptlyClosedSocketMarksDeviceOfflineByItsWill() {
        Phone phone = Phone.connect(mosquitto.url(), "mq4", "phone");
        phone.publishLocation(5, 5, Phone.now());
        awaitPresence("mq4", "online", "message", Duration.ofSeconds(15));
        phone.dropConnection();
        awaitPresence("mq4", "offline", "lwt", Duration.ofSeconds(5));
    }

    @Test
    void silentClientWithOpenSocketIsMarkedOfflineByItsWillAfterOneAndAHalfKeepalives() throws Exception {
        try (Phone announcer = Phone.connect(mosquitto.url(), "mq5-announcer", "mq5", "phone", 60, true)) {
            announcer.publishLocation(5, 5, Phone.now());
        }
        awaitPresence("mq5", "online", "message", Duration.ofSeconds(15));
        try (Phone frozen = Phone.connectFrozen("127.0.0.1", mosquitto.port(), "mq5", "phone", 2)) {
            // Mosquitto publishes the will 1.5 x 2 s after the last packet (its keepalive check is
            // coarse: up to a few seconds later), well before the 15 s presence timeout
            awaitPresence("mq5", "offline", "lwt", Duration.ofSeconds(10));
        }
    }

    @Test
    void silentDeviceGoesOfflineAfterTheTimeout() {
        try (Phone phone = Phone.connect(mosquitto.url(), "mq6", "phone")) {
            phone.publishLocation(5, 5, Phone.now());
            awaitPresence("mq6", "online", "message", Duration.ofSeconds(15));
            long silentSince = System.nanoTime();
            assertThat(listedPresence("mq6").get("state").asString()).isEqualTo("online");
            // the phone stays connected but publishes nothing: only the timeout can tell
            awaitPresence("mq6", "offline", "timeout", PRESENCE_TIMEOUT.plusSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThan(PRESENCE_TIMEOUT.minusSeconds(2));
            await("the timeout in the device list").atMost(Duration.ofSeconds(5))
                .until(() -> "timeout".equals(listedPresence("mq6").get("reason").asString()));
            assertThat(listedPresence("mq6").get("state").asString()).isEqualTo("offline");
        }
    }

    @Test
    void messagesPublishedWhileWaymarkIsDownAreAllStoredWhenItComesBack() {
        int count = 500;
        long tst = Phone.now() - 10_000;
        awaitMqttHealth("UP");
        waymark.close();
        try (Phone phone = Phone.connect(mosquitto.url(), "mq7", "phone")) {
            for (int i = 0; i < count; i++) {
                phone.publishLocation(10 + i * 0.001, 20, tst + i);
            }
        }
        waymark = startWaymark();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> api().device("mq7", "phone") != null && lastTst("mq7") == tst + count - 1);
        JsonNode history = api().get("/api/v1/devices/mq7/phone/locations?from=0&limit=100000");
        assertThat(history).hasSize(count);
        assertThat(history.get(0).get("tst").asLong()).isEqualTo(tst);
    }

    @Test
    void reconnectsByItselfAfterTheBrokerRestarts() {
        awaitMqttHealth("UP");
        mosquitto.stop();
        awaitMqttHealth("DOWN");
        mosquitto.restart();
        awaitMqttHealth("UP");
        long tst = Phone.now();
        try (Phone phone = Phone.connect(mosquitto.url(), "mq8", "phone")) {
            phone.publishLocation(8, 8, tst);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> lastTst("mq8") == tst);
    }

    static void awaitMqttHealth(String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> api().call("/actuator/health").json()
            .get("components").get("mqtt").get("status").asString().equals(status));
    }

    static long lastTst(String user) {
        JsonNode device = api().device(user, "phone");
        return device == null || device.get("location").isNull() ? -1 : device.get("location").get("tst").asLong();
    }

    /** The presence the (cached) device list shows. */
    static JsonNode listedPresence(String user) {
        return api().get("/api/v1/devices?user=" + user).get(0).get("presence");
    }

    static void awaitPresence(String user, String state, String reason, Duration within) {
        Waits.awaitPresence(api(), user, "phone", state, reason, within);
    }
}
