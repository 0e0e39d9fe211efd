package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.waymark.support.Api;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.history;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Waymark instances in one shared-subscription group, on one PostgreSQL database and one
 * Mosquitto, split a stream: each message is stored once, by one of them, and both serve the same.
 */
class MqttSharedSubscriptionTest {

    static final int DEVICES = 10;

    static final int PER_DEVICE = 1000;

    @Test
    void twoInstancesSplitTheStreamAndStoreEveryMessageOnce() throws Exception {
        MosquittoProcess.requireInstalled();
        long tst = Phone.now() - 100_000;
        try (PostgresDatabase database = PostgresDatabase.create();
                MosquittoProcess broker = MosquittoProcess.builder().start();
                WaymarkApp first = startWaymark(instance(database, broker, "waymark-a"));
                WaymarkApp second = startWaymark(instance(database, broker, "waymark-b"))) {
            awaitMqttUp(first.api());
            awaitMqttUp(second.api());
            try (Phone phones = Phone.publisher(broker.url(), "shared-phones")) {
                for (int i = 0; i < PER_DEVICE; i++) {
                    for (int d = 0; d < DEVICES; d++) {
                        phones.publishLocation("shared", "phone" + d, 10 + i * 0.001, d, tst + i);
                    }
                }
            }
            await("all stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (int d = 0; d < DEVICES; d++) {
                    if (lastTst(first.api(), "shared", "phone" + d) != tst + PER_DEVICE - 1) {
                        return false;
                    }
                }
                return true;
            });
            for (int d = 0; d < DEVICES; d++) {
                assertThat(history(first.api(), "shared", "phone" + d)).hasSize(PER_DEVICE);
            }
            try (var connection = database.connect(); var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT (device_name, tst)) FROM location")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(DEVICES * PER_DEVICE);
                assertThat(rows.getLong(2)).isEqualTo(DEVICES * PER_DEVICE);
            }
            double receivedByFirst = received(first.api());
            double receivedBySecond = received(second.api());
            assertThat(receivedByFirst).as("split between both").isPositive();
            assertThat(receivedBySecond).as("split between both").isPositive();
            assertThat(receivedByFirst + receivedBySecond).isEqualTo(DEVICES * PER_DEVICE);
            assertThat(first.api().get("/api/v1/devices?user=shared"))
                .isEqualTo(second.api().get("/api/v1/devices?user=shared"));
            assertThat(first.api().get("/api/v1/devices/shared/phone3/locations?from=0&limit=100000"))
                .isEqualTo(second.api().get("/api/v1/devices/shared/phone3/locations?from=0&limit=100000"));
        }
    }

    static Map<String, Object> instance(PostgresDatabase database, MosquittoProcess broker, String clientId) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("spring.profiles.active", "postgres");
        properties.put("waymark.mqtt.url", broker.url());
        properties.put("waymark.mqtt.client-id", clientId);
        properties.put("waymark.mqtt.shared-subscription-group", "waymark");
        return properties;
    }

    static double received(Api api) {
        return api.counter("waymark.messages.received", null);
    }
}
