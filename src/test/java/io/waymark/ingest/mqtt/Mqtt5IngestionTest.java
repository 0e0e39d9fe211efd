package io.waymark.ingest.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.waymark.support.H2Files;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.history;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.mqttHealth;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waymark's client speaking MQTT 5 to Mosquitto: ingestion, and a session that outlives Waymark. */
class Mqtt5IngestionTest {

    @TempDir
    static Path dir;

    static MosquittoProcess broker;

    @BeforeAll
    static void start() {
        MosquittoProcess.requireInstalled();
        broker = MosquittoProcess.builder().start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    static WaymarkApp startMqtt5Waymark() {
        return startWaymark(Map.of("waymark.mqtt.url", broker.url(), "waymark.mqtt.protocol-version", "5",
                "waymark.mqtt.client-id", "waymark-mqtt5",
                "spring.datasource.url", H2Files.url(dir)));
    }

    @Test
    void storesLocationsAndKeepsItsSessionWhileStopped() {
        long tst = Phone.now() - 1000;
        try (WaymarkApp waymark = startMqtt5Waymark()) {
            awaitMqttUp(waymark.api());
            assertThat(mqttHealth(waymark.api()).get("details").get("protocolVersion").asString()).isEqualTo("5");
            try (Phone phone = Phone.publisher(broker.url(), "v5-phone")) {
                phone.publishLocation("v5", "phone", 1, 1, tst).publishLocation("v5", "phone", 2, 2, tst + 1);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> lastTst(waymark.api(), "v5", "phone") == tst + 1);
        }
        // Waymark is away: its session (which does not expire) collects what phones publish
        try (Phone phone = Phone.publisher(broker.url(), "v5-phone")) {
            for (int i = 2; i < 200; i++) {
                phone.publishLocation("v5", "phone", 3, 3, tst + i);
            }
        }
        try (WaymarkApp waymark = startMqtt5Waymark()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lastTst(waymark.api(), "v5", "phone") == tst + 199);
            assertThat(history(waymark.api(), "v5", "phone")).hasSize(200);
        }
    }

    @Test
    void publishesItsStatusRetainedAndOfflineWhenStopped() throws Exception {
        Phone status = Phone.watching(broker.url(), "waymark/status");
        try (status) {
            try (WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", broker.url(),
                    "waymark.mqtt.protocol-version", "5", "waymark.mqtt.client-id", "waymark-mqtt5-status"))) {
                awaitMqttUp(waymark.api());
                await().atMost(Duration.ofSeconds(10)).until(() -> "online".equals(status.lastReceived()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "offline".equals(status.lastReceived()));
        }
    }
}
