package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingestion runs below the API (config.IngestThreads): Paho's threads, started by Spring
 * Integration's adapter through Waymark's client, and the batch writer are at the lowest
 * priority; the web server's are not.
 */
class IngestThreadPriorityTest {

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

    @ParameterizedTest
    @ValueSource(strings = { "3.1.1", "5" })
    void pahoAndTheWriterRunBelowTheWebServer(String version) {
        String clientId = "waymark-priority-" + version.charAt(0);
        String user = "priority" + version.charAt(0);
        long tst = Phone.now() - 100;
        try (WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", broker.url(),
                "waymark.mqtt.protocol-version", version, "waymark.mqtt.client-id", clientId))) {
            awaitMqttUp(waymark.api());
            try (Phone phone = Phone.publisher(broker.url(), "priority-phone-" + version.charAt(0))) {
                phone.publishLocation(user, "phone", 1, 1, tst);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> lastTst(waymark.api(), user, "phone") == tst);

            List<Thread> paho = threads("MQTT Rec: " + clientId, "MQTT Call: " + clientId, "MQTT Snd: " + clientId);
            assertThat(paho).extracting(Thread::getName).as("Paho's receiver, callback and sender threads")
                .contains("MQTT Rec: " + clientId, "MQTT Call: " + clientId, "MQTT Snd: " + clientId);
            assertThat(paho).allSatisfy(t -> assertThat(t.getPriority()).as(t.getName()).isEqualTo(Thread.MIN_PRIORITY));
            assertThat(threads("waymark-ingest-writer")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY));
            assertThat(threadsStartingWith("http-nio-")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getPriority()).as(t.getName()).isEqualTo(Thread.NORM_PRIORITY));
        }
    }

    private static List<Thread> threads(String... names) {
        List<String> wanted = List.of(names);
        return Thread.getAllStackTraces().keySet().stream().filter(t -> wanted.contains(t.getName())).toList();
    }

    private static List<Thread> threadsStartingWith(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
    }
}
