package io.waymark.ingest.mqtt;

import java.time.Duration;

import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;
import org.springframework.integration.mqtt.core.DefaultMqttPahoClientFactory;

/**
 * Makes the MQTT 3.1.1 clients of the inbound adapter: {@link MqttV3Client}s, which are in
 * manual-ack mode <em>before</em> they connect.
 * <p>
 * Why before: {@code MqttPahoMessageDrivenChannelAdapter} switches its client to manual acks
 * only after {@code connect()} has returned. A broker holding a persistent session starts
 * delivering the queued messages right after CONNACK, so the first of them would otherwise be
 * acknowledged by Paho as soon as the flow had queued them, before they were stored: a crash at
 * that moment would lose them. (The adapter's later {@code setManualAcks} sets the same value.)
 */
class MqttV3ClientFactory extends DefaultMqttPahoClientFactory {

    private final MqttClientSettings settings;

    private final MqttConnectionHealth health;

    private volatile @Nullable MqttV3Client current;

    MqttV3ClientFactory(MqttClientSettings settings, MqttConnectionHealth health) {
        this.settings = settings;
        this.health = health;
        setConnectionOptions(settings.v3Options());
    }

    @Override
    public IMqttAsyncClient getAsyncClientInstance(@Nullable String uri, String clientId) throws MqttException {
        String serverUri = uri != null ? uri : settings.urls().get(0);
        MqttV3Client client = new MqttV3Client(serverUri, clientId, new MqttClientLifecycle(clientId, settings, health));
        client.setManualAcks(settings.manualAcks());
        current = client;
        return client;
    }

    /** The client the adapter uses now; null before its first connect. */
    @Nullable MqttV3Client current() {
        return current;
    }

    /** Whether the current client's connection attempt has been under way for longer than {@code limit}. */
    boolean attemptOlderThan(Duration limit) {
        MqttV3Client client = current;
        return client != null && client.attemptOlderThan(limit);
    }
}
