package io.waymark.ingest;

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

/**
 * No silent loss: what Waymark stores is counted as stored, what it does not store is counted
 * as ignored under its type, and an encrypted payload is kept as a rejection.
 */
class UnstoredMessagesTest extends EmbeddedWaymarkTest {

    @Test
    void storedMessagesAreCountedByType() {
        double before = api().counter("waymark.messages.stored", "type:location");
        try (Phone phone = phone("erin", "watch")) {
            phone.publishLocation(1, 1, Phone.now() - 5).publishLocation(1, 1, Phone.now() - 4);
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().counter("waymark.messages.stored", "type:location") >= before + 2);
    }

    @Test
    void statusIsCountedAsStoredNotAsIgnored() {
        double ignoredBefore = api().counter("waymark.messages.ignored", "type:status");
        double storedBefore = api().counter("waymark.messages.stored", "type:status");
        try (Phone phone = phone("ign1", "phone")) {
            phone.publishOn("status", "{\"_type\":\"status\",\"android\":{\"hib\":0,\"bo\":1,\"loc\":0,\"ps\":0,\"wifi\":1}}")
                .publishLocation(3, 3, Phone.now());
        }
        Waits.awaitLastKnown(api(), "ign1", "phone", 3, Duration.ofSeconds(10));
        // the device keeps its last status (GET /api/v1/devices/{user}/{device})
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().counter("waymark.messages.stored", "type:status") == storedBefore + 1);
        assertThat(api().counter("waymark.messages.ignored", "type:status")).isEqualTo(ignoredBefore);
    }

    @Test
    void unknownTypesAreCountedAsIgnoredUnderTheirType() {
        double before = api().counter("waymark.messages.ignored", "type:steps");
        try (Phone phone = phone("ign2", "phone")) {
            phone.publish("{\"_type\":\"steps\",\"steps\":1234,\"from\":1700000000,\"to\":1700003600}");
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().counter("waymark.messages.ignored", "type:steps") == before + 1);
    }

    @Test
    void encryptedPayloadIsKeptAsARejectionAndCounted() {
        double before = api().counter("waymark.messages.rejected", "reason:encrypted-no-key");
        String topic = "owntracks/enc1/phone";
        String payload = "{\"_type\":\"encrypted\",\"data\":\"8K3m0Yq1cCw2bq0Zk7Yb5yQfJQkq3H1l8i6i0mBfR0n3uJ3dQ6jzv1g==\"}";
        try (Phone phone = phone("enc1", "phone")) {
            phone.publish(topic, payload);
        }
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode r : api().get("/api/v1/rejected?limit=1000")) {
                if (r.get("topic").asString().equals(topic)) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        assertThat(found[0].get("reason").asString()).isEqualTo("encrypted-no-key");
        assertThat(found[0].get("payload").asString()).isEqualTo(payload);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().counter("waymark.messages.rejected", "reason:encrypted-no-key") == before + 1);
        assertThat(api().counter("waymark.messages.stored", "type:encrypted")).isZero();
    }

    @Test
    void commandToADeviceIsIgnoredAndIsNoSignOfLife() throws Exception {
        double before = api().counter("waymark.messages.ignored", "type:cmd");
        // a controller without a will, sending a command to the device: not the device speaking
        try (MqttClient client = new MqttClient(brokerUrl(), "cmd-sender", new MemoryPersistence())) {
            client.connect(Phone.loginOptions("cmd1", login("cmd1"))); // a command to one's own device
            client.publish("owntracks/cmd1/phone/cmd",
                    "{\"_type\":\"cmd\",\"action\":\"reportLocation\"}".getBytes(StandardCharsets.UTF_8), 1, false);
            client.disconnect();
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().counter("waymark.messages.ignored", "type:cmd") == before + 1);
        JsonNode device = api().device("cmd1", "phone");
        assertThat(device).isNotNull();
        assertThat(device.get("presence").get("state").asString()).isEqualTo("offline");
        assertThat(device.get("presence").get("lastSeen").isNull()).isTrue();
        assertThat(api().get("/api/v1/devices/cmd1/phone/presence")).isEmpty();
    }
}
