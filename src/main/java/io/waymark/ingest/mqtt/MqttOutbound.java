package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.waymark.broker.BrokerPublisher;
import io.waymark.broker.MqttPublishing;
import io.waymark.ingest.OwnPublications;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.IMqttAsyncClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Waymark's own publications: with {@code waymark.mqtt.url} empty straight into the embedded
 * broker ({@link BrokerPublisher}: never handed to ingestion, so no echo), otherwise through
 * Waymark's own MQTT client (the inbound adapter's, 3.1.1 or 5), so they reach the broker the
 * phones use; those are noted in {@link OwnPublications} first, so their echo through Waymark's
 * subscription is dropped. The one place that knows how Waymark publishes.
 */
@Component
class MqttOutbound implements MqttPublishing {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final boolean embedded;

    private final ObjectProvider<BrokerPublisher> broker;

    private final ObjectProvider<MqttV3ClientFactory> v3;

    private final ObjectProvider<MqttV5ClientManager> v5;

    private final OwnPublications own;

    MqttOutbound(MqttProperties properties, ObjectProvider<BrokerPublisher> broker,
            ObjectProvider<MqttV3ClientFactory> v3, ObjectProvider<MqttV5ClientManager> v5, OwnPublications own) {
        this.embedded = properties.url().isEmpty();
        this.broker = broker;
        this.v3 = v3;
        this.v5 = v5;
        this.own = own;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) {
        try {
            if (embedded) {
                publishToEmbedded(topic, payload, qos, retained);
            }
            else {
                own.published(topic, payload);
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

    private void publishToEmbedded(String topic, byte[] payload, int qos, boolean retained) {
        BrokerPublisher publisher = broker.getIfAvailable();
        if (publisher == null) {
            throw new IllegalStateException("no embedded broker and no waymark.mqtt.url");
        }
        try {
            publisher.publish(topic, payload, qos, retained).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException(String.valueOf(ex.getCause() != null ? ex.getCause() : ex), ex);
        }
    }

    private void publishWithOwnClient(String topic, byte[] payload, int qos, boolean retained) {
        try {
            MqttV3ClientFactory factory = v3.getIfAvailable();
            if (factory != null) {
                MqttAsyncClient client = factory.current();
                if (client == null) {
                    throw new IllegalStateException("Waymark's MQTT client has not connected yet");
                }
                InFlightWindow.whenOpen(() -> client.publish(topic, payload, qos, retained), WAIT)
                    .waitForCompletion(WAIT.toMillis());
                return;
            }
            MqttV5ClientManager manager = v5.getIfAvailable();
            IMqttAsyncClient client5 = manager != null ? manager.getClient() : null;
            if (client5 == null) {
                throw new IllegalStateException("waymark.mqtt.enabled=false: Waymark has no MQTT client");
            }
            InFlightWindow.whenOpen(() -> client5.publish(topic, payload, qos, retained), WAIT)
                .waitForCompletion(WAIT.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (org.eclipse.paho.client.mqttv3.MqttException | org.eclipse.paho.mqttv5.common.MqttException ex) {
            throw new IllegalStateException(MqttFailureCause.describe(ex), ex);
        }
    }
}
