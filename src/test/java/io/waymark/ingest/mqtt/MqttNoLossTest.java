package io.waymark.ingest.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.waymark.support.Api;
import io.waymark.support.H2Files;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.WaymarkApp;
import io.waymark.support.WaymarkJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.history;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing lost, nothing stored twice: a stream of QoS 1 locations from several devices while
 * Waymark is killed with SIGKILL (a JVM of its own) or the broker restarts in the middle.
 * Messages Waymark had received but not committed when it died are still unacknowledged, so the
 * broker delivers them again; messages that arrive twice are stored once.
 */
class MqttNoLossTest {

    static final int DEVICES = 5;

    static final int PER_DEVICE = 1000;

    static final int TOTAL = DEVICES * PER_DEVICE;

    @TempDir
    static Path dir;

    static MosquittoProcess broker;

    @BeforeAll
    static void start() {
        MosquittoProcess.requireInstalled();
        broker = MosquittoProcess.builder().persistence(true).start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void waymarkKilledMidStreamStoresEveryLocationExactlyOnceAfterItsRestart() throws Exception {
        long tst = Phone.now() - 100_000;
        Path log = dir.resolve("waymark-crash.log");
        Map<String, Object> properties = Map.of("waymark.broker.enabled", "false", "waymark.mqtt.url", broker.url(),
                "waymark.mqtt.client-id", "waymark-crash", "waymark.mqtt.connect-timeout", "5s",
                "spring.datasource.url", H2Files.url(dir));
        try (Phone status = Phone.watching(broker.url(), "waymark/status")) {
            double storedAtKill;
            try (WaymarkJvm waymark = WaymarkJvm.start(properties, log)) {
                awaitMqttUp(waymark.api());
                CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publish("crash", tst));
                await("some stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> stored(waymark.api()) >= 300);
                storedAtKill = stored(waymark.api());
                waymark.kill();
                stream.get(120, TimeUnit.SECONDS);
            }
            await("the will says offline").atMost(Duration.ofSeconds(10)).until(() -> "offline".equals(status.lastReceived()));
            try (WaymarkJvm waymark = WaymarkJvm.start(properties, log)) {
                assertAllStoredOnce(waymark.api(), "crash", tst);
                assertThat(status.lastReceived()).isEqualTo("online");
                assertThat(waymark.api().counter("waymark.messages.received", null))
                    .as("the broker delivered the rest after the restart").isPositive();
            }
            assertThat(storedAtKill).as("killed in the middle of the stream").isLessThan(TOTAL);
        }
    }

    @Test
    void brokerRestartedMidStreamLosesNothingAndStoresNothingTwice() throws Exception {
        long tst = Phone.now() - 200_000;
        try (WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", broker.url(),
                "waymark.mqtt.client-id", "waymark-broker-restart", "waymark.mqtt.connect-timeout", "5s"))) {
            awaitMqttUp(waymark.api());
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publish("restart", tst));
            await("some stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> stored(waymark.api()) >= 300);
            broker.restart();
            stream.get(120, TimeUnit.SECONDS);
            assertAllStoredOnce(waymark.api(), "restart", tst);
        }
    }

    /** {@link #TOTAL} locations, round robin over the devices, {@code tst} counting up per device. */
    static void publish(String user, long tst) {
        try (Phone phones = Phone.publisher(broker.url(), user + "-phones")) {
            for (int i = 0; i < PER_DEVICE; i++) {
                for (int d = 0; d < DEVICES; d++) {
                    phones.publishLocation(user, "phone" + d, 50 + i * 0.0001, 8 + d, tst + i);
                }
            }
        }
    }

    static void assertAllStoredOnce(Api api, String user, long tst) {
        long last = tst + PER_DEVICE - 1;
        await("all " + TOTAL + " stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .until(() -> {
                for (int d = 0; d < DEVICES; d++) {
                    if (lastTst(api, user, "phone" + d) != last || history(api, user, "phone" + d).size() < PER_DEVICE) {
                        return false;
                    }
                }
                return true;
            });
        int total = 0;
        for (int d = 0; d < DEVICES; d++) {
            JsonNode locations = history(api, user, "phone" + d);
            Set<Long> distinct = new HashSet<>();
            locations.forEach(location -> distinct.add(location.get("tst").asLong()));
            assertThat(locations).hasSize(PER_DEVICE);
            assertThat(distinct).hasSize(PER_DEVICE);
            JsonNode lastKnown = api.device(user, "phone" + d).get("location");
            assertThat(lastKnown.get("tst").asLong()).isEqualTo(last);
            assertThat(lastKnown.get("lat").asDouble()).isEqualTo(50 + (PER_DEVICE - 1) * 0.0001);
            assertThat(lastKnown.get("lon").asDouble()).isEqualTo(8 + d);
            total += locations.size();
        }
        assertThat(total).isEqualTo(TOTAL);
    }

    static double stored(Api api) {
        return api.counter("waymark.messages.stored", null);
    }
}
