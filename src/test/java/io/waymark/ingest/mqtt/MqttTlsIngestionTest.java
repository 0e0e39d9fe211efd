package io.waymark.ingest.mqtt;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;

import io.waymark.support.MosquittoProcess;
import io.waymark.support.PemSslContexts;
import io.waymark.support.Phone;
import io.waymark.support.TestCertificates;
import io.waymark.support.WaymarkApp;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.pem.PemContent;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.awaitility.Awaitility.await;

/**
 * Waymark's client over TLS, against Mosquitto set up like the brokers of the seed notes:
 * AWS IoT (TLS, a client certificate is required, fixed client id, clean session, QoS 0, no
 * retained messages) and Losant (TLS, user name and password, MQTT 3.1.1, clean session, QoS 0).
 */
class MqttTlsIngestionTest {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    @BeforeAll
    static void certificates() {
        MosquittoProcess.requireInstalled();
        certificates = TestCertificates.writeTo(dir);
    }

    @Test
    void ingestsThroughABrokerThatRequiresAClientCertificateLikeAwsIot() {
        try (MosquittoProcess broker = MosquittoProcess.builder()
            .tls(certificates.server().certificate(), certificates.server().key(), certificates.ca().certificate(), true)
            .start();
                WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", broker.url(),
                        "waymark.mqtt.client-id", "waymark-aws-thing", "waymark.mqtt.clean-session", "true",
                        "waymark.mqtt.qos", "0", "waymark.mqtt.status-topic", "",
                        "waymark.mqtt.tls.ca", certificates.ca().certificate(),
                        "waymark.mqtt.tls.certificate", certificates.client().certificate(),
                        "waymark.mqtt.tls.private-key", certificates.client().pkcs1Key()))) {
            awaitMqttUp(waymark.api());
            long tst = Phone.now();
            try (Phone phone = tlsPhone(broker, "aws-phone")) {
                phone.publishLocation("aws", "phone", 47.6, -122.3, tst);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> lastTst(waymark.api(), "aws", "phone") == tst);
        }
    }

    @Test
    void ingestsThroughABrokerWithTlsAndPasswordsLikeLosant() {
        try (MosquittoProcess broker = MosquittoProcess.builder()
            .tls(certificates.server().certificate(), certificates.server().key(), certificates.ca().certificate(), false)
            .passwordFile(Map.of("access-key", "access-secret", "phone", "phone-secret"))
            .start();
                WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url", broker.url(),
                        "waymark.mqtt.client-id", "waymark-losant", "waymark.mqtt.clean-session", "true",
                        "waymark.mqtt.qos", "0", "waymark.mqtt.protocol-version", "3.1.1",
                        "waymark.mqtt.username", "access-key", "waymark.mqtt.password", "access-secret",
                        "waymark.mqtt.tls.ca", certificates.ca().certificate()))) {
            awaitMqttUp(waymark.api());
            long tst = Phone.now();
            try (Phone phone = tlsPhone(broker, "losant-phone", "phone", "phone-secret")) {
                phone.publishLocation("losant", "phone", 39.1, -84.5, tst);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> lastTst(waymark.api(), "losant", "phone") == tst);
        }
    }

    @Test
    void clientCertificateLoadsFromPkcs8Pkcs1AndPkcs12() throws Exception {
        Path pkcs12 = writePkcs12(dir.resolve("client.p12"), certificates.client(), "store-secret");
        try (MosquittoProcess broker = MosquittoProcess.builder()
            .tls(certificates.server().certificate(), certificates.server().key(), certificates.ca().certificate(), true)
            .start()) {
            var ca = certificates.ca().certificate();
            var certificate = certificates.client().certificate();
            for (MqttProperties.Tls tls : new MqttProperties.Tls[] {
                    new MqttProperties.Tls(ca, certificate, certificates.client().key(), null, null, true),
                    new MqttProperties.Tls(ca, certificate, certificates.client().pkcs1Key(), null, null, true),
                    new MqttProperties.Tls(ca, null, null, pkcs12, "store-secret", true) }) {
                MqttConnectOptions options = new MqttConnectOptions();
                options.setSocketFactory(MqttSslBundle.of(tls).createSslContext().getSocketFactory());
                try (MqttAsyncClient client = new MqttAsyncClient(broker.url(), "tls-check", new MemoryPersistence())) {
                    client.connect(options).waitForCompletion(10_000);
                    client.disconnect().waitForCompletion(5_000);
                }
            }
        }
    }

    static Phone tlsPhone(MosquittoProcess broker, String clientId) {
        return Phone.publisher(broker.url(), clientId, options -> options.setSocketFactory(PemSslContexts
            .withClientCertificate(certificates.ca().certificate(), certificates.client().certificate(),
                    certificates.client().key())
            .getSocketFactory()));
    }

    static Phone tlsPhone(MosquittoProcess broker, String clientId, String username, String password) {
        return Phone.publisher(broker.url(), clientId, options -> {
            options.setSocketFactory(PemSslContexts.trusting(certificates.ca().certificate()).getSocketFactory());
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        });
    }

    static Path writePkcs12(Path file, TestCertificates.Pem pem, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", PemContent.load(pem.key()).getPrivateKey(), password.toCharArray(),
                PemContent.load(pem.certificate()).getCertificates().toArray(Certificate[]::new));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
