package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import io.waymark.support.Phone;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import static org.awaitility.Awaitility.await;

/**
 * Phones' side of a load: a Paho client (options as the test needs: TLS, credentials) that
 * publishes QoS 1 locations on {@code owntracks/<user>/<device>} and rides out a broker restart
 * by waiting for its automatic reconnect and publishing the unconfirmed message again (a
 * duplicate at worst, which Waymark must store once).
 */
final class MqttTestPublisher implements AutoCloseable {

    private final MqttAsyncClient client;

    private MqttTestPublisher(MqttAsyncClient client) {
        this.client = client;
    }

    static MqttTestPublisher connect(String url, String clientId) {
        return connect(url, clientId, options -> { });
    }

    static MqttTestPublisher connect(String url, String clientId, Consumer<MqttConnectOptions> customizer) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(1000);
            options.setMaxInflight(1000);
            customizer.accept(options);
            client.connect(options).waitForCompletion(15_000);
            return new MqttTestPublisher(client);
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Publisher could not connect to " + url, ex);
        }
    }

    MqttTestPublisher location(String user, String device, double lat, double lon, long tst) {
        return publish("owntracks/" + user + "/" + device, Phone.location(lat, lon, tst));
    }

    MqttTestPublisher publish(String topic, String json) {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        for (int attempt = 1;; attempt++) {
            try {
                client.publish(topic, message).waitForCompletion(10_000);
                return this;
            }
            catch (MqttException ex) {
                if (attempt == 5) {
                    throw new IllegalStateException("Publish to " + topic + " failed " + attempt + " times", ex);
                }
                await("publisher reconnected").atMost(Duration.ofSeconds(30)).until(client::isConnected);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
            client.close();
        }
        catch (MqttException ex) {
            // gone already
        }
    }
}
