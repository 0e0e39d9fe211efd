package io.waymark.presence;

import java.time.Duration;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.Waits;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With the embedded broker, connections themselves say who is online. */
class EmbeddedBrokerPresenceTest extends EmbeddedWaymarkTest {


    @Test
    void connectingMarksDeviceOnlineWithReasonConnect() {
        try (Phone phone = phone("pres1", "phone")) {
            awaitPresence("pres1", "phone", "online", "connect");
            phone.publishLocation(10, 10, Phone.now());
            Waits.awaitLastKnown(api(), "pres1", "phone", 10, Duration.ofSeconds(10));
            assertThat(presence("pres1", "phone").get("state").asString()).isEqualTo("online");
        }
    }

    @Test
    void abruptlyClosedSocketMarksDeviceOffline() {
        Phone phone = phone("pres2", "phone");
        phone.publishLocation(10, 10, Phone.now());
        awaitPresence("pres2", "phone", "online", null);
        phone.dropConnection();
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(presence("pres2", "phone").get("state").asString()).isEqualTo("offline"));
        assertThat(presence("pres2", "phone").get("reason").asString()).isIn("lwt", "disconnect");
    }

    @Test
    void silentClientWithOpenSocketGoesOfflineAfterOneAndAHalfKeepalives() throws Exception {
        try (Phone frozen = Phone.connectFrozen("127.0.0.1", broker.port(), "pres3", login("pres3"), "phone", 2)) {
            awaitPresence("pres3", "phone", "online", "connect");
            long wentSilent = System.nanoTime();
            await().atMost(Duration.ofSeconds(8))
                .untilAsserted(() -> assertThat(presence("pres3", "phone").get("state").asString()).isEqualTo("offline"));
            // the broker must wait 1.5 x 2 s of silence: not offline right away
            assertThat(Duration.ofNanos(System.nanoTime() - wentSilent)).isGreaterThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void cleanDisconnectMarksDeviceOfflineWithReasonDisconnect() {
        Phone phone = phone("pres4", "phone");
        phone.publishLocation(10, 10, Phone.now());
        awaitPresence("pres4", "phone", "online", null);
        phone.disconnect();
        awaitPresence("pres4", "phone", "offline", "disconnect");
        JsonNode events = api().get("/api/v1/devices/pres4/phone/presence");
        assertThat(events.get(0).get("state").asString()).isEqualTo("offline");
        assertThat(events.get(0).get("reason").asString()).isEqualTo("disconnect");
        assertThat(events.get(1).get("state").asString()).isEqualTo("online");
    }

    @Test
    void willOfAReplacedConnectionDoesNotMarkDeviceOffline() {
        Phone first = phone("pres5", "phone");
        first.publishLocation(10, 10, Phone.now());
        awaitPresence("pres5", "phone", "online", null);
        // the same device reconnects as a new client (e.g. after a network change) ...
        try (Phone second = phone("pres5-phone-reconnected", "pres5", "phone", 60, true)) {
            // ... then the old connection's will is published late
            second.publish("owntracks/pres5/phone", "{\"_type\":\"lwt\",\"tst\":" + (Phone.now() - 3600) + "}");
            first.dropConnection();
            second.publishLocation(11, 11, Phone.now() + 1);
            Waits.awaitLastKnown(api(), "pres5", "phone", 11, Duration.ofSeconds(10));
            assertThat(presence("pres5", "phone").get("state").asString()).isEqualTo("online");
        }
    }

    @Test
    void unknownDevicePresenceIsNotFound() {
        Api.Response response = api().call("/api/v1/devices/nobody/nothing/presence");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private JsonNode presence(String user, String device) {
        JsonNode node = api().device(user, device);
        return node == null ? null : node.get("presence");
    }

    private void awaitPresence(String user, String device, String state, String reason) {
        Waits.awaitPresence(api(), user, device, state, reason, Duration.ofSeconds(10));
    }
}
