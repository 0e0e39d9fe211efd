package io.waymark.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.Waits;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Phones publish to the embedded broker; the REST API shows what Waymark stored. */
class EmbeddedBrokerIngestionTest extends EmbeddedWaymarkTest {


    @Test
    void lastLocationIsTheNewestPublished() {
        long tst = Phone.now() - 60;
        try (Phone phone = phone("alice", "pixel")) {
            phone.publishLocation(52.1, 13.1, tst).publishLocation(52.2, 13.2, tst + 10).publishLocation(52.3, 13.3, tst + 20);
        }
        Waits.awaitLastKnownTst(api(), "alice", "pixel", tst + 20, Duration.ofSeconds(10));
        JsonNode location = api().device("alice", "pixel").get("location");
        assertThat(location.get("lat").asDouble()).isEqualTo(52.3);
        assertThat(location.get("lon").asDouble()).isEqualTo(13.3);
        assertThat(location.get("batt").asInt()).isEqualTo(77);
        assertThat(location.get("conn").asString()).isEqualTo("w");
        assertThat(location.get("time").asString()).isEqualTo(java.time.Instant.ofEpochSecond(tst + 20).toString());
        JsonNode history = api().get("/api/v1/devices/alice/pixel/locations");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("tst").asLong()).isEqualTo(tst);
    }

    @Test
    void olderLocationArrivingLateDoesNotMoveLastKnownBackwards() {
        long tst = Phone.now() - 60;
        try (Phone phone = phone("bob", "iphone")) {
            phone.publishLocation(48.1, 11.5, tst);
            Waits.awaitLastKnown(api(), "bob", "iphone", 48.1, Duration.ofSeconds(10));
            phone.publishLocation(40.0, 10.0, tst - 600);
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().get("/api/v1/devices/bob/iphone/locations?from=0").size() == 2);
        JsonNode location = api().device("bob", "iphone").get("location");
        assertThat(location.get("tst").asLong()).isEqualTo(tst);
        assertThat(location.get("lat").asDouble()).isEqualTo(48.1);
    }

    @Test
    void duplicateLocationIsStoredOnce() {
        long tst = Phone.now() - 30;
        try (Phone phone = phone("carol", "tablet")) {
            phone.publishLocation(47.0, 8.0, tst).publishLocation(47.0, 8.0, tst).publishLocation(47.0, 8.0, tst)
                .publishLocation(47.1, 8.1, tst + 1);
        }
        Waits.awaitLastKnownTst(api(), "carol", "tablet", tst + 1, Duration.ofSeconds(10));
        assertThat(api().get("/api/v1/devices/carol/tablet/locations")).hasSize(2);
    }

    @Test
    void cardNamesTheDeviceAndTransitionsAreListedNewestFirst() {
        long tst = Phone.now() - 100;
        try (Phone phone = phone("dave", "phone")) {
            phone.publishOn("info", "{\"_type\":\"card\",\"name\":\"Dave D.\",\"tid\":\"dd\"}")
                .publishOn("event", "{\"_type\":\"transition\",\"event\":\"enter\",\"desc\":\"Home\",\"rid\":\"r1\",\"tst\":"
                        + tst + ",\"lat\":1.5,\"lon\":2.5,\"acc\":9,\"t\":\"c\"}")
                .publishOn("event", "{\"_type\":\"transition\",\"event\":\"leave\",\"desc\":\"Home\",\"rid\":\"r1\",\"tst\":"
                        + (tst + 50) + ",\"lat\":1.6,\"lon\":2.6,\"acc\":9,\"t\":\"c\"}");
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().device("dave", "phone") != null
                    && api().get("/api/v1/devices/dave/phone/transitions").size() == 2);
        JsonNode device = api().device("dave", "phone");
        assertThat(device.get("name").asString()).isEqualTo("Dave D.");
        assertThat(device.get("tid").asString()).isEqualTo("dd");
        assertThat(device.get("location").isNull()).isTrue();
        JsonNode transitions = api().get("/api/v1/devices/dave/phone/transitions");
        assertThat(transitions.get(0).get("event").asString()).isEqualTo("leave");
        assertThat(transitions.get(0).get("tst").asLong()).isEqualTo(tst + 50);
        assertThat(transitions.get(1).get("event").asString()).isEqualTo("enter");
        assertThat(transitions.get(1).get("desc").asString()).isEqualTo("Home");
        assertThat(transitions.get(1).get("rid").asString()).isEqualTo("r1");
        assertThat(transitions.get(1).get("acc").asInt()).isEqualTo(9);
    }

    @Test
    void firstLocationOfAClientWithoutWillBecomesTheLastKnown() throws Exception {
        // like mosquitto_pub: no will, so the broker maps the client to its device at its first
        // publish, while that very message is on its way to storage
        long tst = Phone.now();
        String password = login("nowill");
        for (int i = 0; i < 20; i++) {
            try (MqttClient client = new MqttClient(brokerUrl(), "nowill-" + i, new MemoryPersistence())) {
                client.connect(Phone.loginOptions("nowill", password));
                client.publish("owntracks/nowill/phone" + i, Phone.location(10, 20, tst).getBytes(StandardCharsets.UTF_8), 1,
                        false);
                client.disconnect();
            }
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api().get("/api/v1/devices?user=nowill"))
            .hasSize(20)
            .allSatisfy(device -> assertThat(device.get("location").isNull()).isFalse()));
    }
}
