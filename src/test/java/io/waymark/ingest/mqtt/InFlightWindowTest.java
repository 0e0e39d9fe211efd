package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.waymark.support.MosquittoProcess;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link InFlightWindow} against a real Mosquitto, which is paused (SIGSTOP) so that no PUBACK
 * comes back and Paho's window stays full for as long as the test needs.
 */
class InFlightWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static MosquittoProcess broker;

    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

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

    @AfterEach
    void closeClients() throws Exception {
        broker.resume(); // a no-op unless a test failed while the broker was paused
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    void aFullWindowWaitsForAPlaceAndThePublishGoesOutWhenTheAcksCome() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttAsyncClient subscriber = v3("window-sub", 10);
        subscriber.subscribe("window/v3", 1, (topic, message) -> received.add(new String(message.getPayload(),
                StandardCharsets.UTF_8))).waitForCompletion(WAIT.toMillis());
        MqttAsyncClient publisher = v3("window-pub", 2);

        broker.pause();
        IMqttDeliveryToken first = publisher.publish("window/v3", bytes("1"), 1, false);
        IMqttDeliveryToken second = publisher.publish("window/v3", bytes("2"), 1, false);
        awaitInFlight(publisher, 2);
        assertThatThrownBy(() -> publisher.publish("window/v3", bytes("3"), 1, false))
            .as("Paho itself refuses a third while two wait for their PUBACK")
            .isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class,
                    ex -> assertThat(ex.getReasonCode()).isEqualTo(InFlightWindow.FULL));

        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<IMqttDeliveryToken> third = CompletableFuture.supplyAsync(() -> {
            try {
                return InFlightWindow.whenOpen(() -> {
                    calls.incrementAndGet();
                    return publisher.publish("window/v3", bytes("3"), 1, false);
                }, WAIT);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        await().atMost(WAIT).until(() -> calls.get() >= 3);
        assertThat(third).as("still waiting while the broker is paused").isNotDone();

        broker.resume();
        third.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).waitForCompletion(WAIT.toMillis());
        first.waitForCompletion(WAIT.toMillis());
        second.waitForCompletion(WAIT.toMillis());
        await().atMost(WAIT).until(() -> received.size() == 3);
        assertThat(received).containsExactly("1", "2", "3");
    }

    @Test
    void itGivesUpAfterItsPatienceWithPahosRefusal() throws Exception {
        MqttAsyncClient publisher = v3("window-patience", 1);
        broker.pause();
        publisher.publish("window/patience", bytes("1"), 1, false);
        awaitInFlight(publisher, 1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> InFlightWindow.whenOpen(
                () -> publisher.publish("window/patience", bytes("2"), 1, false), Duration.ofMillis(300)))
            .isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class,
                    ex -> assertThat(ex.getReasonCode()).isEqualTo(InFlightWindow.FULL));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void otherFailuresAreThrownAtOnce() throws Exception {
        MqttAsyncClient unconnected = new MqttAsyncClient(broker.url(), "window-unconnected", new MemoryPersistence());
        clients.add(unconnected);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> InFlightWindow.whenOpen(() -> {
            calls.incrementAndGet();
            return unconnected.publish("window/x", bytes("1"), 1, false);
        }, WAIT)).isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class,
                ex -> assertThat(ex.getReasonCode())
                    .isEqualTo(org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_CLIENT_NOT_CONNECTED));
        assertThat(calls).hasValue(1);
    }

    @Test
    void mqtt5sRefusalIsWaitedOutTheSameWay() throws Exception {
        // Mosquitto 2.0 announces no Receive Maximum (so MQTT 5's window is 65,535 there); brokers
        // that do (HiveMQ: 10) refuse with the same code, which is what the rule looks at
        AtomicInteger calls = new AtomicInteger();
        String result = InFlightWindow.whenOpen(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw new org.eclipse.paho.mqttv5.common.MqttException(InFlightWindow.FULL);
            }
            return "sent";
        }, WAIT);
        assertThat(result).isEqualTo("sent");
        assertThat(calls).hasValue(4);
        assertThatThrownBy(() -> InFlightWindow.whenOpen(() -> {
            throw new org.eclipse.paho.mqttv5.common.MqttException(
                    org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }, WAIT)).isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
    }

    private MqttAsyncClient v3(String clientId, int maxInflight) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT.toMillis());
            }
            client.close();
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(maxInflight);
        client.connect(options).waitForCompletion(WAIT.toMillis());
        return client;
    }

    /** Paho counts a publish in flight when its sender thread takes it, not when publish() returns. */
    private static void awaitInFlight(MqttAsyncClient client, int count) {
        await().atMost(WAIT).until(() -> client.getInFlightMessageCount() == count);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
