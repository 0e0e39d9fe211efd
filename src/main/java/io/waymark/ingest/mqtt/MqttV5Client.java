package io.waymark.ingest.mqtt;

import java.time.Duration;

import io.waymark.config.IngestThreads;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jspecify.annotations.Nullable;

/** Paho's MQTT 5 client, hooked into the {@link MqttClientLifecycle} at connect, reconnect and stop. */
final class MqttV5Client extends MqttAsyncClient {

    private final MqttClientLifecycle lifecycle;

    private volatile @Nullable MqttConnectionOptions options;

    MqttV5Client(String serverUri, String clientId, MqttClientLifecycle lifecycle) throws MqttException {
        super(serverUri, clientId, new MemoryPersistence());
        this.lifecycle = lifecycle;
    }

    /** The client manager calls this right after its first connect failed. */
    @Override
    public void reconnect() {
        MqttConnectionOptions first = options;
        if (first != null) {
            lifecycle.retryFirstConnect((succeeded, failed) -> connect(first, null, listener(succeeded, failed)));
        }
    }

    @Override
    public IMqttToken connect(MqttConnectionOptions options, Object userContext, MqttActionListener callback)
            throws MqttException {
        this.options = options;
        lifecycle.attemptStarted();
        try {
            MqttActionListener watched = new MqttActionListener() {

                @Override
                public void onSuccess(IMqttToken token) {
                    lifecycle.attemptSucceeded(getCurrentServerURI(), MqttV5Client.this::publishRetained);
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

    /** The client manager stops with a DISCONNECT, after which brokers publish no will. */
    @Override
    public void disconnectForcibly(long quiesceTimeout, long disconnectTimeout, int reasonCode,
            org.eclipse.paho.mqttv5.common.packet.MqttProperties disconnectProperties) throws MqttException {
        lifecycle.stopping(isConnected(), this::publishRetained, disconnectTimeout);
        super.disconnectForcibly(quiesceTimeout, disconnectTimeout, reasonCode, disconnectProperties);
    }

    @Override
    public void close() throws MqttException {
        lifecycle.closing();
        super.close();
    }

    boolean attemptOlderThan(Duration limit) {
        return lifecycle.attemptOlderThan(limit);
    }

    private static MqttActionListener listener(Runnable succeeded, Runnable failed) {
        return new MqttActionListener() {

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
        IMqttToken token = publish(topic, payload, qos, true);
        if (waitMillis > 0) {
            token.waitForCompletion(waitMillis);
        }
    }
}
