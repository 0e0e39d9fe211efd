package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** An operator watching Waymark's status topic: remembers the last payload (retained ones too). */
final class MqttStatusWatcher implements AutoCloseable {

    private final MqttAsyncClient client;

    private volatile String last;

    private MqttStatusWatcher(MqttAsyncClient client) {
        this.client = client;
    }

    static MqttStatusWatcher watch(String url, String topic) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "status-watcher-" + System.nanoTime(), new MemoryPersistence());
        MqttStatusWatcher watcher = new MqttStatusWatcher(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(topic, 1, (t, message) -> watcher.last = new String(message.getPayload(), StandardCharsets.UTF_8))
            .waitForCompletion(10_000);
        return watcher;
    }

    String last() {
        return last;
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5000);
        client.close();
    }
}
