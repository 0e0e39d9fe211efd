package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.springframework.integration.mqtt.core.DefaultMqttPahoClientFactory;

/**
 * Makes the MQTT 3.1.1 clients of the inbound adapter: clients that are in manual-ack mode
 * <em>before</em> they connect, report every connection attempt, and announce Waymark's status.
 * <p>
 * Why before: {@code MqttPahoMessageDrivenChannelAdapter} switches its client to manual acks
 * only after {@code connect()} has returned. A broker holding a persistent session starts
 * delivering the queued messages right after CONNACK, so the first of them would otherwise be
 * acknowledged by Paho as soon as the flow had queued them, before they were stored: a crash at
 * that moment would lose them. (The adapter's later {@code setManualAcks} sets the same value.)
 * <p>
 * Why report: with automatic reconnect on, the adapter swallows a failing first connection
 * and Paho retries silently; the client tells {@link MqttConnectionHealth} each cause instead.
 */
class MqttV3ClientFactory extends DefaultMqttPahoClientFactory {

    private final boolean manualAcks;

    private final MqttConnectionHealth health;

    private final @Nullable String statusTopic;

    private final Duration maxReconnectDelay;

    MqttV3ClientFactory(MqttConnectOptions options, boolean manualAcks, MqttConnectionHealth health,
            @Nullable String statusTopic) {
        this.maxReconnectDelay = Duration.ofMillis(options.getMaxReconnectDelay());
        this.manualAcks = manualAcks;
        this.health = health;
        this.statusTopic = statusTopic;
        setConnectionOptions(options);
    }

    private volatile @Nullable Client current;

    @Override
    public IMqttAsyncClient getAsyncClientInstance(@Nullable String uri, String clientId) throws MqttException {
        String serverUri = uri != null ? uri : getConnectionOptions().getServerURIs()[0];
        Client client = new Client(serverUri, clientId);
        client.setManualAcks(manualAcks);
        current = client;
        return client;
    }

    /** Whether the current client's connection attempt has been under way for longer than {@code limit}. */
    boolean attemptOlderThan(Duration limit) {
        Client client = current;
        return client != null && client.attemptOlderThan(limit);
    }

    /** A Paho client that reports its connection attempts and publishes Waymark's status. */
    private final class Client extends MqttAsyncClient {

        private final MqttConnectRetry retry;

        /** Set once Waymark stops this client: attempts still under way then fail for that reason only. */
        private volatile boolean stopping;

        private volatile @Nullable MqttConnectOptions options;

        /** When the connection attempt under way started ({@link System#nanoTime()}), 0 if none. */
        private volatile long attemptStarted;

        Client(String serverUri, String clientId) throws MqttException {
            super(serverUri, clientId, new MemoryPersistence());
            this.retry = new MqttConnectRetry(clientId, maxReconnectDelay);
        }

        /**
         * The adapter calls this right after its first connect failed; retry on our own schedule
         * ({@link MqttConnectRetry} says why). Paho's own reconnects after a lost connection do
         * not come through here.
         */
        @Override
        public void reconnect() {
            MqttConnectOptions first = options;
            if (first == null) {
                return;
            }
            retry.start((succeeded, failed) -> connect(first, null, new IMqttActionListener() {

                @Override
                public void onSuccess(IMqttToken token) {
                    succeeded.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    failed.run();
                }
            }));
        }

        boolean attemptOlderThan(Duration limit) {
            long started = attemptStarted;
            return !stopping && started != 0 && System.nanoTime() - started > limit.toNanos();
        }

        @Override
        public void close() throws MqttException {
            stopping = true;
            retry.shutdown();
            super.close();
        }

        /** Every connect, the adapter's first and each of Paho's automatic reconnects, comes through here. */
        @Override
        public IMqttToken connect(MqttConnectOptions options, Object userContext, IMqttActionListener callback)
                throws MqttException {
            this.options = options;
            attemptStarted = System.nanoTime();
            try {
                return super.connect(options, userContext, new IMqttActionListener() {

                    @Override
                    public void onSuccess(IMqttToken token) {
                        attemptStarted = 0;
                        health.connected(getCurrentServerURI());
                        publishStatus(MqttStatus.ONLINE);
                        if (callback != null) {
                            callback.onSuccess(token);
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable exception) {
                        attemptStarted = 0;
                        if (!stopping) {
                            health.connectFailed(exception);
                        }
                        if (callback != null) {
                            callback.onFailure(token, exception);
                        }
                    }
                });
            }
            catch (MqttException | RuntimeException ex) {
                attemptStarted = 0;
                if (!stopping) {
                    health.connectFailed(ex);
                }
                throw ex;
            }
        }

        /** The adapter stops with a DISCONNECT, after which brokers publish no will: say offline first. */
        @Override
        public void disconnectForcibly(long quiesceTimeout, long disconnectTimeout) throws MqttException {
            stopping = true;
            retry.cancel();
            IMqttToken offline = isConnected() ? publishStatus(MqttStatus.OFFLINE) : null;
            if (offline != null) {
                try {
                    offline.waitForCompletion(disconnectTimeout);
                }
                catch (MqttException ex) {
                    // going away anyway; the will says offline if the connection drops
                }
            }
            super.disconnectForcibly(quiesceTimeout, disconnectTimeout);
        }

        private @Nullable IMqttToken publishStatus(String status) {
            if (statusTopic == null) {
                return null;
            }
            try {
                return publish(statusTopic, status.getBytes(StandardCharsets.UTF_8), MqttStatus.QOS, true);
            }
            catch (MqttException ex) {
                return null; // the next connect tries again
            }
        }
    }
}
