package io.waymark.ingest.mqtt;

import java.util.List;

import io.waymark.broker.EmbeddedBroker;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.springframework.beans.factory.ObjectProvider;

/**
 * With {@code waymark.mqtt.url} empty, Waymark's own MQTT client subscribes to the embedded
 * broker over loopback. Everything that path needs differently is here, and only here, so that
 * it can go as one piece once the embedded broker hands messages to the flow in-process:
 * <ul>
 * <li>the URL is the embedded broker's;</li>
 * <li>MQTT 3.1.1 only (Moquette speaks nothing else);</li>
 * <li>acks as soon as a message is queued for storage: the embedded broker keeps its queues in
 *     memory and dies with Waymark, so a late ack would buy no safety, only a slower stream
 *     (Moquette lets 10 QoS 1 messages be in flight per subscriber);</li>
 * <li>Waymark's persistent session is created the moment the broker is up, before any phone can
 *     connect: phones may publish while the rest of Waymark is still starting, and without a
 *     session those messages would have no subscriber and be dropped. With it, the broker queues
 *     them until the inbound adapter connects with the same client id.</li>
 * </ul>
 */
final class EmbeddedBrokerFallback {

    private EmbeddedBrokerFallback() {
    }

    static MqttClientSettings settings(MqttProperties properties, ObjectProvider<EmbeddedBroker> broker) {
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded == null) {
            throw new IllegalStateException(
                    "waymark.mqtt.url is not set and the embedded broker is disabled: set waymark.mqtt.url"
                            + " (e.g. tcp://localhost:1883) or waymark.broker.enabled=true");
        }
        if ("5".equals(properties.protocolVersion())) {
            throw new IllegalStateException("waymark.mqtt.protocol-version=5 needs an external broker in "
                    + "waymark.mqtt.url: the embedded broker speaks MQTT 3.1.1 only");
        }
        String url = embedded.localUrl();
        if (!properties.cleanSession()) {
            primeSession(url, properties);
        }
        return MqttClientSettings.of(properties, List.of(url), false);
    }

    private static void primeSession(String url, MqttProperties properties) {
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
