package io.waymark.ingest.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.waymark.support.FreePorts;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.TestCertificates;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.mqttHealth;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When Waymark cannot connect, it starts anyway, {@code /actuator/health} shows {@code mqtt}
 * DOWN with the cause in words, and it keeps trying (the broker sees attempt after attempt).
 */
class MqttConnectionFailureTest {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    /** TLS, a client certificate required, and a password file: every way to be refused. */
    static MosquittoProcess broker;

    @BeforeAll
    static void start() {
        MosquittoProcess.requireInstalled();
        certificates = TestCertificates.writeTo(dir);
        broker = MosquittoProcess.builder()
            .tls(certificates.server().certificate(), certificates.server().key(), certificates.ca().certificate(), true)
            .passwordFile(Map.of("waymark", "right-password"))
            .start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void wrongPasswordShowsDownWithTheCauseAndKeepsRetrying() {
        try (WaymarkApp waymark = startWaymark(clientCertificate(certificates.client(), "waymark-wrong-password",
                Map.of("waymark.mqtt.username", "waymark", "waymark.mqtt.password", "wrong-password")))) {
            // Mosquitto answers a wrong password with "not authorized" (CONNACK 5), not "bad user name or password" (4)
            awaitDownWith(waymark, "not authorized: the broker refused Waymark's credentials");
            awaitDownWith(waymark, "waymark.mqtt.password");
            long attempts = connectionAttempts();
            await("another attempt").atMost(Duration.ofSeconds(60)).until(() -> connectionAttempts() > attempts + 1);
            assertThat(mqttHealth(waymark.api()).get("details").get("error").asString()).contains("waymark.mqtt.password");
        }
    }

    @Test
    void untrustedClientCertificateShowsDownWithTheCauseAndKeepsRetrying() {
        try (WaymarkApp waymark = startWaymark(clientCertificate(certificates.wrongClient(), "waymark-wrong-cert",
                Map.of("waymark.mqtt.username", "waymark", "waymark.mqtt.password", "right-password")))) {
            awaitDownWith(waymark, "refused Waymark's TLS client certificate");
        }
    }

    @Test
    void untrustedBrokerCertificateShowsDownWithTheCause() {
        try (WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", broker.url(),
                "waymark.mqtt.client-id", "waymark-wrong-ca", "waymark.mqtt.tls.ca", certificates.wrongCa().certificate()))) {
            awaitDownWith(waymark, "certificate is not trusted");
        }
    }

    @Test
    void unreachableBrokerShowsDownWithTheCause() {
        try (WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", "tcp://127.0.0.1:" + FreePorts.next(),
                "waymark.mqtt.client-id", "waymark-unreachable"))) {
            awaitDownWith(waymark, "unreachable");
        }
    }

    @Test
    void refusedClientIdShowsDownWithTheCause() {
        try (MosquittoProcess picky = MosquittoProcess.builder().config("clientid_prefixes phone-").start();
                WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", picky.url(),
                        "waymark.mqtt.client-id", "waymark-not-a-phone"))) {
            // Mosquitto refuses a client id outside clientid_prefixes with "not authorized" too
            awaitDownWith(waymark, "waymark.mqtt.client-id");
        }
    }

    static Map<String, Object> clientCertificate(TestCertificates.Pem client, String clientId, Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("waymark.mqtt.url", broker.url(),
                "waymark.mqtt.client-id", clientId, "waymark.mqtt.tls.ca", certificates.ca().certificate(),
                "waymark.mqtt.tls.certificate", client.certificate(), "waymark.mqtt.tls.private-key", client.key()));
        properties.putAll(more);
        return properties;
    }

    static void awaitDownWith(WaymarkApp waymark, String cause) {
        await("mqtt DOWN with '" + cause + "'").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode health = mqttHealth(waymark.api());
            assertThat(health.get("status").asString()).isEqualTo("DOWN");
            assertThat(health.get("details").get("error").asString()).contains(cause);
        });
    }

    static long connectionAttempts() {
        return broker.log().lines().filter(line -> line.contains("New connection from")).count();
    }
}
