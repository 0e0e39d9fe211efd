package io.waymark.ingest.mqtt;

import java.time.Duration;

import io.waymark.config.IngestThreads;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;

/** Paho's MQTT 3.1.1 client, hooked into the {@link MqttClientLifecycle} at connect, reconnect and stop. */
final class MqttV3Client extends MqttAsyncClient {

    private final MqttClientLifecycle lifecycle;

    private volatile @Nullable MqttConnectOptions options;

    MqttV3Client(String serverUri, String clientId, MqttClientLifecycle lifecycle) throws MqttException {
        super(serverUri, clientId, new MemoryPersistence());
        this.lifecycle = lifecycle;
    }

    /** The adapter calls this right after its first connect failed. */
    @Override
    public void reconnect() {
        MqttConnectOptions first = options;
        if (first != null) {
            lifecycle.retryFirstConnect((succeeded, failed) -> connect(first, null, listener(succeeded, failed)));
        }
    }

    @Override
    public IMqttToken connect(MqttConnectOptions options, Object userContext, IMqttActionListener callback)
            throws MqttException {
        this.options = options;
        lifecycle.attemptStarted();
        try {
            IMqttActionListener watched = new IMqttActionListener() {

                @Override
                public void onSuccess(IMqttToken token) {
                    lifecycle.attemptSucceeded(getCurrentServerURI(), MqttV3Client.this::publishRetained);
                    if (callback != null) {
                        callback.onSuccess(token);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    lifecycle.attemptFailed(exception);
                    if (callback != null) {
                        callback.onFailure(token, exception);
                    }
                }
            };
            // Paho starts its receiver, sender and callback threads in this call: made on a low
            // thread, they inherit its priority
            return IngestThreads.starting("waymark-mqtt-connect", () -> super.connect(options, userContext, watched));
        }
        catch (MqttException | RuntimeException ex) {
            lifecycle.attemptFailed(ex);
            throw ex;
        }
    }

    /** The adapter stops with a DISCONNECT, after which brokers publish no will. */
    @Override
    public void disconnectForcibly(long quiesceTimeout, long disconnectTimeout) throws MqttException {
        lifecycle.stopping(isConnected(), this::publishRetained, disconnectTimeout);
        super.disconnectForcibly(quiesceTimeout, disconnectTimeout);
    }

    @Override
    public void close() throws MqttException {
        lifecycle.closing();
        super.close();
    }

    boolean attemptOlderThan(Duration limit) {
        return lifecycle.attemptOlderThan(limit);
    }

    private static IMqttActionListener listener(Runnable succeeded, Runnable failed) {
        return new IMqttActionListener() {

            @Override
            public void onSuccess(IMqttToken token) {
                succeeded.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failed.run();
            }
        };
    }

    private void publishRetained(String topic, byte[] payload, int qos, long waitMillis) throws MqttException {
        IMqttDeliveryToken token = publish(topic, payload, qos, true);
        if (waitMillis > 0) {
            token.waitForCompletion(waitMillis);
        }
    }
}
