package io.waymark.ingest.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.waymark.support.H2Files;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker that keeps no retained messages (AWS IoT and Losant in the seed notes): after a
 * restart Waymark gets nothing replayed, and still knows every device's last location and
 * presence, from its own database.
 */
class MqttRetainlessBrokerTest {

    @TempDir
    static Path dir;

    @Test
    void afterARestartWaymarkServesLastKnownLocationsAndPresenceFromItsDatabase() throws Exception {
        long tst = Phone.now() - 50;
        try (MosquittoProcess broker = MosquittoProcess.builder().config("retain_available false").start()) {
            // no retained messages: no retained status either
            Map<String, Object> properties = Map.of("waymark.mqtt.url", broker.url(), "waymark.mqtt.client-id",
                    "waymark-retainless", "waymark.mqtt.status-topic", "",
                    "spring.datasource.url", H2Files.url(dir));
            try (WaymarkApp waymark = startWaymark(properties)) {
                awaitMqttUp(waymark.api());
                try (Phone phones = Phone.publisher(broker.url(), "retainless-phones")) {
                    phones.publishLocation("rl", "phone1", 1.5, 2.5, tst)
                        .publishLocation("rl", "phone1", 1.6, 2.6, tst + 10)
                        .publishLocation("rl", "phone2", 3.5, 4.5, tst + 5)
                        .publish("owntracks/rl/phone2", "{\"_type\":\"lwt\",\"tst\":" + (tst + 6) + "}");
                }
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(lastTst(waymark.api(), "rl", "phone1")).isEqualTo(tst + 10);
                    assertThat(waymark.api().device("rl", "phone2").get("presence").get("state").asString())
                        .isEqualTo("offline");
                });
            }
            try (WaymarkApp waymark = startWaymark(properties)) {
                awaitMqttUp(waymark.api());
                JsonNode phone1 = waymark.api().device("rl", "phone1");
                assertThat(phone1.get("location").get("tst").asLong()).isEqualTo(tst + 10);
                assertThat(phone1.get("location").get("lat").asDouble()).isEqualTo(1.6);
                assertThat(phone1.get("presence").get("state").asString()).isEqualTo("online");
                assertThat(phone1.get("presence").get("reason").asString()).isEqualTo("message");
                JsonNode phone2 = waymark.api().device("rl", "phone2");
                assertThat(phone2.get("location").get("tst").asLong()).isEqualTo(tst + 5);
                assertThat(phone2.get("presence").get("state").asString()).isEqualTo("offline");
                assertThat(phone2.get("presence").get("reason").asString()).isEqualTo("lwt");
                assertThat(waymark.api().counter("waymark.messages.received", null)).as("nothing replayed").isZero();
            }
        }
    }
}
