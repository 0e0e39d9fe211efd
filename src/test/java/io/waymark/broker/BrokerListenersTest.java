package io.waymark.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.TestCertificates;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The optional listeners, with real clients: mosquitto_pub over TLS, Paho over WebSocket. */
class BrokerListenersTest {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    static WaymarkApp waymark;

    static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        certificates = TestCertificates.writeTo(dir);
        waymark = WaymarkApp.start(Map.of("spring.datasource.url", "jdbc:h2:mem:listeners;DB_CLOSE_DELAY=-1",
                "waymark.broker.data-path", dir.resolve("broker").toString(),
                "waymark.broker.tls.port", "0",
                "waymark.broker.tls.certificate", certificates.server().certificate().toString(),
                // PKCS#1 (RSA PRIVATE KEY), as openssl and many ACME clients write it
                "waymark.broker.tls.private-key", certificates.server().pkcs1Key().toString(),
                "waymark.broker.websocket.port", "0"));
        broker = waymark.bean(EmbeddedBroker.class);
    }

    @AfterAll
    static void stop() {
        if (waymark != null) {
            waymark.close();
        }
    }

    @Test
    void mosquittoPubOverTlsIsStoredAndAcknowledged() throws Exception {
        MosquittoProcess.requireClientsInstalled();
        long tst = Phone.now() - 5;
        Process pub = new ProcessBuilder(List.of("mosquitto_pub", "-d", "-h", "localhost", "-p",
                Integer.toString(broker.tlsPort()), "--cafile", certificates.ca().certificate().toString(), "-q", "1",
                "-i", "tls-phone", "-u", "tls", "-P", waymark.login("tls"), "-t", "owntracks/tls/phone", "-m", Phone.location(48.2, 16.4, tst)))
            .redirectErrorStream(true).start();
        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(pub.getInputStream().readAllBytes());
        assertThat(pub.exitValue()).as(output).isZero();
        assertThat(output).contains("received PUBACK (Mid: 1");
        JsonNode location = waymark.api().device("tls", "phone").get("location");
        assertThat(location.get("tst").asLong()).isEqualTo(tst);
        assertThat(location.get("lat").asDouble()).isEqualTo(48.2);
    }

    @Test
    void tlsListenerRefusesAClientThatDoesNotTrustItsCertificate() throws Exception {
        MosquittoProcess.requireClientsInstalled();
        Process pub = new ProcessBuilder(List.of("mosquitto_pub", "-h", "localhost", "-p",
                Integer.toString(broker.tlsPort()), "--cafile", certificates.wrongCa().certificate().toString(),
                "-q", "1", "-t", "owntracks/untrusted/phone", "-m", Phone.location(1, 1, Phone.now())))
            .redirectErrorStream(true).start();
        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).isNotZero();
        assertThat(waymark.api().device("untrusted", "phone")).isNull();
    }

    @Test
    void pahoOverWebSocketIsStored() {
        long tst = Phone.now() - 7;
        try (Phone phone = Phone.connectAs("ws://127.0.0.1:" + broker.websocketPort() + "/mqtt", "ws", waymark.login("ws"),
                "browser")) {
            phone.publishLocation(40.4, -3.7, tst);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> waymark.api().device("ws", "browser") != null);
        JsonNode location = waymark.api().device("ws", "browser").get("location");
        assertThat(location.get("tst").asLong()).isEqualTo(tst);
        assertThat(location.get("lon").asDouble()).isEqualTo(-3.7);
    }

    @Test
    void healthListsEveryListener() {
        JsonNode details = waymark.api().get("/actuator/health").get("components").get("broker").get("details");
        assertThat(details.get("port").asInt()).isEqualTo(broker.port());
        assertThat(details.get("tlsPort").asInt()).isEqualTo(broker.tlsPort()).isNotEqualTo(broker.port());
        assertThat(details.get("websocketPort").asInt()).isEqualTo(broker.websocketPort());
    }
}
