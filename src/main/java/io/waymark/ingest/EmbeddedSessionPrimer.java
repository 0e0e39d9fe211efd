package io.waymark.ingest;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Creates Waymark's persistent session in the embedded broker the moment the broker starts,
 * before any phone can connect. Phones may publish while the rest of Waymark is still starting;
 * without a session those messages would have no subscriber and be dropped. With it, the broker
 * queues them until the inbound adapter connects with the same client id.
 */
final class EmbeddedSessionPrimer {

    private EmbeddedSessionPrimer() {
    }

    static void prime(String url, MqttProperties properties) {
        try (MqttClient client = new MqttClient(url, properties.clientId(), new MemoryPersistence())) {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            client.connect(options);
            for (String topic : properties.subscriptions()) {
                client.subscribe(topic, properties.qos());
            }
            client.disconnect();
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Could not create Waymark's session in the embedded broker at " + url, ex);
        }
    }
}
