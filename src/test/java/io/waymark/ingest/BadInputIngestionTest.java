package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of bad message is kept in {@code rejected_message} with its reason and counted,
 * and the flow goes on: a good message published after each one is still stored.
 */
class BadInputIngestionTest extends EmbeddedWaymarkTest {


    @Test
    void malformedJsonIsRejected() {
        assertRejectedThenGoodIngested("bad1", "owntracks/bad1/phone", "{\"_type\":\"location\",\"lat\":", "malformed-json");
    }

    @Test
    void nonObjectPayloadIsRejected() {
        assertRejectedThenGoodIngested("bad2", "owntracks/bad2/phone", "[1,2,3]", "not-an-object");
    }

    @Test
    void wrongTypeForRequiredFieldIsRejected() {
        assertRejectedThenGoodIngested("bad3", "owntracks/bad3/phone",
                "{\"_type\":\"location\",\"lat\":\"north\",\"lon\":13.4,\"tst\":1700000000}", "invalid-field");
    }

    @Test
    void outOfRangeCoordinatesAreRejected() {
        assertRejectedThenGoodIngested("bad4", "owntracks/bad4/phone",
                "{\"_type\":\"location\",\"lat\":91.5,\"lon\":13.4,\"tst\":1700000000}", "out-of-range");
    }

    @Test
    void missingTstIsRejected() {
        assertRejectedThenGoodIngested("bad5", "owntracks/bad5/phone",
                "{\"_type\":\"location\",\"lat\":51.5,\"lon\":13.4}", "missing-field");
    }

    @Test
    void topicWithTooFewLevelsIsRejected() {
        assertRejectedThenGoodIngested("bad6", "owntracks/bad6", Phone.location(1, 1, 1700000000), "bad-topic");
    }

    @Test
    void oversizedPayloadIsRejected() {
        byte[] huge = new byte[20 * 1024]; // waymark.ingest.max-payload-bytes is 16KB in tests
        Arrays.fill(huge, (byte) 'x');
        String topic = "owntracks/bad7/phone";
        try (Phone phone = phone("bad7", "phone")) {
            phone.publish(topic, huge);
            phone.publishLocation(50, 10, Phone.now());
        }
        JsonNode rejected = awaitRejected(topic, "too-large");
        assertThat(rejected.get("payloadSize").asInt()).isEqualTo(huge.length);
        assertThat(rejected.get("detail").asString()).contains("waymark.ingest.max-payload-bytes");
        awaitStored("bad7");
    }

    @Test
    void binaryPayloadIsKeptAsBase64() {
        String topic = "owntracks/bad8/phone";
        byte[] binary = { (byte) 0xff, (byte) 0xfe, 0x00, 0x01 };
        try (Phone phone = phone("bad8", "phone")) {
            phone.publish(topic, binary);
            phone.publishLocation(50, 10, Phone.now());
        }
        JsonNode rejected = awaitRejected(topic, "malformed-json");
        assertThat(rejected.get("payloadEncoding").asString()).isEqualTo("base64");
        assertThat(rejected.get("payload").asString()).isEqualTo("//4AAQ==");
        awaitStored("bad8");
    }

    @Test
    void rejectionsAreCountedByReason() {
        double before = api().counter("waymark.messages.rejected", "reason:not-an-object");
        try (Phone phone = phone("bad9", "phone")) {
            phone.publish("\"just a string\"");
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().counter("waymark.messages.rejected", "reason:not-an-object") >= before + 1);
    }

    @Test
    void messageTheDatabaseCannotHoldIsRejectedAndTheRestIsStored() {
        // the device column holds 128 characters (a phone may publish only under its own user name)
        String topic = "owntracks/bad10/" + "d".repeat(300);
        try (Phone phone = phone("bad10", "phone")) {
            phone.publishLocation(50, 10, Phone.now() - 2);
            phone.publish(topic, Phone.location(1, 1, Phone.now()));
            phone.publishLocation(51, 11, Phone.now() - 1);
        }
        JsonNode rejected = awaitRejected(topic, "internal-error");
        assertThat(rejected.get("detail").asString()).startsWith("could not be stored");
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().get("/api/v1/devices/bad10/phone/locations").size() == 2);
    }

    private void assertRejectedThenGoodIngested(String user, String topic, String payload, String reason) {
        try (Phone phone = phone(user, "phone")) {
            phone.publish(topic, payload.getBytes(StandardCharsets.UTF_8));
            phone.publishLocation(50, 10, Phone.now());
        }
        JsonNode rejected = awaitRejected(topic, reason);
        assertThat(rejected.get("payload").asString()).isEqualTo(payload);
        assertThat(rejected.get("payloadEncoding").asString()).isEqualTo("text");
        assertThat(rejected.get("detail").asString()).isNotBlank();
        assertThat(rejected.get("receivedAt").asString()).isNotBlank();
        awaitStored(user);
    }

    private JsonNode awaitRejected(String topic, String reason) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode r : api().get("/api/v1/rejected?limit=1000")) {
                if (r.get("topic").asString().equals(topic) && r.get("reason").asString().equals(reason)) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void awaitStored(String user) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode device = api().device(user, "phone");
            assertThat(device).isNotNull();
            assertThat(device.get("location").isNull()).isFalse();
        });
    }
}
