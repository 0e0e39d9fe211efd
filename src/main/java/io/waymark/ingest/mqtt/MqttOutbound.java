package io.waymark.ingest.mqtt;

import io.waymark.broker.EmbeddedBroker;
import io.waymark.broker.MqttPublishing;
import io.waymark.ingest.OwnPublications;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Waymark's own publications, today's way: with {@code waymark.mqtt.url} empty straight into the
 * embedded Moquette ({@link EmbeddedBroker#publish}), otherwise through Waymark's own MQTT client
 * (the inbound adapter's, 3.1.1 or 5), so they reach the broker the phones use. Each one is
 * noted in {@link OwnPublications} first, so its echo through Waymark's subscription is dropped.
 * <p>
 * The one place that knows how Waymark publishes: an embedded broker that hands messages over
 * in-process replaces this class with its own {@link MqttPublishing}.
 */
@Component
class MqttOutbound implements MqttPublishing {

    private static final long WAIT_MILLIS = 10_000;

    private final boolean embedded;

    private final ObjectProvider<EmbeddedBroker> broker;

    private final ObjectProvider<MqttV3ClientFactory> v3;

    private final ObjectProvider<MqttV5ClientManager> v5;

    private final OwnPublications own;

    MqttOutbound(MqttProperties properties, ObjectProvider<EmbeddedBroker> broker,
            ObjectProvider<MqttV3ClientFactory> v3, ObjectProvider<MqttV5ClientManager> v5, OwnPublications own) {
        this.embedded = properties.url().isEmpty();
        this.broker = broker;
        this.v3 = v3;
        this.v5 = v5;
        this.own = own;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) {
        own.published(topic, payload);
        try {
            if (embedded) {
                EmbeddedBroker embeddedBroker = broker.getIfAvailable();
                if (embeddedBroker == null) {
                    throw new IllegalStateException("no embedded broker and no waymark.mqtt.url");
                }
                embeddedBroker.publish(topic, payload, qos, retained);
            }
            else {
                publishWithOwnClient(topic, payload, qos, retained);
            }
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("Could not publish to " + topic + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean embedded() {
        return embedded;
    }

    private void publishWithOwnClient(String topic, byte[] payload, int qos, boolean retained) {
        try {
            MqttV3ClientFactory factory = v3.getIfAvailable();
            if (factory != null) {
                MqttAsyncClient client = factory.current();
                if (client == null) {
                    throw new IllegalStateException("Waymark's MQTT client has not connected yet");
                }
                client.publish(topic, payload, qos, retained).waitForCompletion(WAIT_MILLIS);
                return;
            }
            MqttV5ClientManager manager = v5.getIfAvailable();
            if (manager == null || manager.getClient() == null) {
                throw new IllegalStateException("waymark.mqtt.enabled=false: Waymark has no MQTT client");
            }
            manager.getClient().publish(topic, payload, qos, retained).waitForCompletion(WAIT_MILLIS);
        }
        catch (org.eclipse.paho.client.mqttv3.MqttException | org.eclipse.paho.mqttv5.common.MqttException ex) {
            throw new IllegalStateException(MqttFailureCause.describe(ex), ex);
        }
    }
}
