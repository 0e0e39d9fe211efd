package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.waymark.support.MosquittoProcess;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.CommsCallback;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waymark's {@code CommsCallback} takes the place of Paho's (see the class comment there): it is
 * the one loaded, for the Paho version it was written for, and a Paho MQTT 3.1.1 client with it
 * still delivers in order, acknowledges manually, tells its listeners and its callback, against a
 * real Mosquitto.
 */
class PahoCommsCallbackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

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

    @Test
    void waymarksClassTakesPahosPlaceForThePahoVersionItWasWrittenFor() throws Exception {
        PahoOverrides.assertTakesPahosPlace(CommsCallback.class);
    }

    @Test
    void deliversInOrderOnTheReceiverAndWhatIsNotAcknowledgedComesAgain() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        MqttAsyncClient subscriber = client("comms-sub");
        subscriber.setManualAcks(true);
        subscriber.setCallback(new PahoOverrides.Recording() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                received.add(text);
                threads.add(Thread.currentThread().getName());
                if (Integer.parseInt(text) < 45) { // the last five stay unacknowledged
                    subscriber.messageArrivedComplete(message.getId(), message.getQos());
                }
            }
        });
        subscriber.connect(persistentSession()).waitForCompletion(WAIT.toMillis());
        subscriber.subscribe("comms/#", 1).waitForCompletion(WAIT.toMillis());

        MqttAsyncClient publisher = client("comms-pub");
        // Paho 1.2.5 wakes waitForCompletion() on the PUBACK but counts the publish out of its
        // in-flight window later, on its callback thread: publishing one after the other can
        // find the default window of 10 full while that thread lags (it did once, in CI)
        MqttConnectOptions wide = new MqttConnectOptions();
        wide.setMaxInflight(50);
        publisher.connect(wide).waitForCompletion(WAIT.toMillis());
        for (int i = 0; i < 50; i++) {
            publisher.publish("comms/a", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(WAIT.toMillis());
        }
        List<String> all = IntStream.range(0, 50).mapToObj(Integer::toString).toList();
        await().atMost(WAIT).until(() -> received.size() == 50);
        assertThat(received).containsExactlyElementsOf(all);
        assertThat(threads).containsOnly("MQTT Rec: comms-sub");

        subscriber.disconnect().waitForCompletion(WAIT.toMillis());
        received.clear();
        subscriber.connect(persistentSession()).waitForCompletion(WAIT.toMillis());
        await().atMost(WAIT).until(() -> received.size() >= 5);
        assertThat(received).as("the broker sends again what was not acknowledged, and only that")
            .containsExactly("45", "46", "47", "48", "49");
        subscriber.disconnect().waitForCompletion(WAIT.toMillis());
        subscriber.close();
        publisher.disconnect().waitForCompletion(WAIT.toMillis());
        publisher.close();
    }

    @Test
    void completionsRunOnTheCallbackThreadAndAFailingCallbackDropsTheConnection() throws Exception {
        AtomicReference<String> completedOn = new AtomicReference<>();
        AtomicReference<Throwable> lost = new AtomicReference<>();
        List<String> delivered = new CopyOnWriteArrayList<>();
        MqttAsyncClient client = client("comms-fail");
        client.setCallback(new PahoOverrides.Recording() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                delivered.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                throw new IllegalStateException("the callback failed");
            }

            @Override
            public void connectionLost(Throwable cause) {
                lost.set(cause);
            }
        });
        client.connect().waitForCompletion(WAIT.toMillis());
        client.subscribe("fail/#", 1).waitForCompletion(WAIT.toMillis());
        MqttAsyncClient publisher = client("comms-fail-pub");
        publisher.connect().waitForCompletion(WAIT.toMillis());
        publisher.publish("fail/x", "boom".getBytes(StandardCharsets.UTF_8), 1, false, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                completedOn.set(Thread.currentThread().getName());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                completedOn.set("failed: " + failure);
            }
        });

        await().atMost(WAIT).until(() -> lost.get() != null);
        assertThat(delivered).containsExactly("boom");
        assertThat(lost.get()).hasRootCauseInstanceOf(IllegalStateException.class)
            .hasRootCauseMessage("the callback failed");
        assertThat(client.isConnected()).isFalse();
        await().atMost(WAIT).until(() -> completedOn.get() != null);
        assertThat(completedOn.get()).isEqualTo("MQTT Call: comms-fail-pub");
        client.close();
        publisher.disconnect().waitForCompletion(WAIT.toMillis());
        publisher.close();
    }

    private static MqttAsyncClient client(String id) throws Exception {
        return new MqttAsyncClient(broker.url(), id, new MemoryPersistence());
    }

    private static MqttConnectOptions persistentSession() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        return options;
    }
}
