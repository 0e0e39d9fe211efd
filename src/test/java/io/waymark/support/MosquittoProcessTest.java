package io.waymark.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MosquittoProcessTest {

    @TempDir
    static Path certificateDirectory;

    static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() {
        MosquittoProcess.requireInstalled();
        certificates = TestCertificates.writeTo(certificateDirectory);
    }

    @Test
    void deliversAPublishedMessageToASubscriber() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().start();
                TestClient subscriber = TestClient.connect(mosquitto.url(), "subscriber", options());
                TestClient publisher = TestClient.connect(mosquitto.url(), "publisher", options())) {
            subscriber.subscribe("owntracks/#");
            publisher.publish("owntracks/alice/pixel", "hello");
            await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(subscriber.received()).containsExactly("owntracks/alice/pixel=hello"));
            assertThat(mosquitto.url()).isEqualTo("tcp://127.0.0.1:" + mosquitto.port());
        }
    }

    @Test
    void tlsBrokerAcceptsOnlyClientCertificatesOfItsCa() throws Exception {
        TestCertificates.Pem server = certificates.server();
        TestCertificates.Pem client = certificates.client();
        TestCertificates.Pem wrongClient = certificates.wrongClient();
        try (MosquittoProcess mosquitto = MosquittoProcess.builder()
            .tls(server.certificate(), server.key(), certificates.ca().certificate(), true)
            .start()) {
            assertThat(mosquitto.url()).startsWith("ssl://127.0.0.1:");
            try (TestClient withPkcs8Key = TestClient.connect(mosquitto.url(), "right-pkcs8",
                    tlsOptions(client.certificate(), client.key()));
                    TestClient withPkcs1Key = TestClient.connect(mosquitto.url(), "right-pkcs1",
                            tlsOptions(client.certificate(), client.pkcs1Key()))) {
                assertThat(withPkcs8Key.isConnected()).isTrue();
                assertThat(withPkcs1Key.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> TestClient.connect(mosquitto.url(), "wrong",
                    tlsOptions(wrongClient.certificate(), wrongClient.key())))
                .isInstanceOf(MqttException.class);
            assertThatThrownBy(() -> TestClient.connect(mosquitto.url(), "none",
                    options(PemSslContexts.trusting(certificates.ca().certificate()))))
                .isInstanceOf(MqttException.class);
        }
    }

    @Test
    void passwordFileAdmitsOnlyTheRightPassword() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.builder()
            .passwordFile(Map.of("alice", "s3cret", "bob", "hunter2"))
            .start()) {
            try (TestClient alice = TestClient.connect(mosquitto.url(), "alice", options("alice", "s3cret"));
                    TestClient bob = TestClient.connect(mosquitto.url(), "bob", options("bob", "hunter2"))) {
                assertThat(alice.isConnected()).isTrue();
                assertThat(bob.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> TestClient.connect(mosquitto.url(), "mallory", options("alice", "wrong")))
                .isInstanceOf(MqttSecurityException.class);
            assertThatThrownBy(() -> TestClient.connect(mosquitto.url(), "anonymous", options()))
                .isInstanceOf(MqttSecurityException.class);
        }
    }

    @Test
    void persistentBrokerKeepsAQueuedMessageAcrossRestart() throws Exception {
        MqttConnectOptions persistentSession = options();
        persistentSession.setCleanSession(false);
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().persistence(true).start()) {
            try (TestClient subscriber = TestClient.connect(mosquitto.url(), "waymark", persistentSession)) {
                subscriber.subscribe("owntracks/#");
            }
            try (TestClient publisher = TestClient.connect(mosquitto.url(), "phone", options())) {
                publisher.publish("owntracks/alice/pixel", "while-offline");
            }

            mosquitto.restart();

            try (TestClient subscriber = TestClient.connect(mosquitto.url(), "waymark", persistentSession)) {
                await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(subscriber.received())
                        .containsExactly("owntracks/alice/pixel=while-offline"));
            }
        }
    }

    @Test
    void acceptsMqtt5Clients() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().start()) {
            org.eclipse.paho.mqttv5.client.MqttClient client = new org.eclipse.paho.mqttv5.client.MqttClient(
                    mosquitto.url(), "mqtt5", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            try {
                MqttConnectionOptions options = new MqttConnectionOptions();
                options.setConnectionTimeout(5);
                client.connect(options);
                assertThat(client.isConnected()).isTrue();
                client.disconnect();
            }
            finally {
                client.close();
            }
        }
    }

    @Test
    void killedBrokerComesBackOnTheSamePort() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().start()) {
            int port = mosquitto.port();
            mosquitto.kill();
            assertThat(mosquitto.isRunning()).isFalse();
            mosquitto.restart();
            assertThat(mosquitto.isRunning()).isTrue();
            assertThat(mosquitto.port()).isEqualTo(port);
            try (TestClient client = TestClient.connect(mosquitto.url(), "after-kill", options())) {
                assertThat(client.isConnected()).isTrue();
            }
            assertThat(mosquitto.log()).contains("mosquitto version 2.");
        }
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(5);
        options.setAutomaticReconnect(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // no retry with 3.1 after a refusal
        return options;
    }

    private static MqttConnectOptions options(String user, String password) {
        MqttConnectOptions options = options();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        return options;
    }

    private static MqttConnectOptions options(SSLContext tls) {
        MqttConnectOptions options = options();
        options.setSocketFactory(tls.getSocketFactory());
        return options;
    }

    private static MqttConnectOptions tlsOptions(Path clientCertificate, Path clientKey) {
        return options(PemSslContexts.withClientCertificate(certificates.ca().certificate(), clientCertificate,
                clientKey));
    }

    /** A Paho v3 client that records what it receives as {@code topic=payload} and disconnects on close. */
    private static final class TestClient implements AutoCloseable {

        private final MqttClient client;

        private final List<String> received = new CopyOnWriteArrayList<>();

        private TestClient(MqttClient client) {
            this.client = client;
        }

        /** The callback is in place before CONNECT, so messages queued for a persistent session are caught. */
        static TestClient connect(String url, String clientId, MqttConnectOptions options) throws MqttException {
            MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
            TestClient testClient = new TestClient(client);
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    testClient.received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            try {
                client.connect(options);
            }
            catch (MqttException ex) {
                client.close();
                throw ex;
            }
            return testClient;
        }

        void subscribe(String filter) throws MqttException {
            client.subscribe(filter, 1);
        }

        void publish(String topic, String payload) throws MqttException {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        boolean isConnected() {
            return client.isConnected();
        }

        List<String> received() {
            return received;
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }
}
