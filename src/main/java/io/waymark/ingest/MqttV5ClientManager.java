package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.mqtt.core.Mqttv5ClientManager;

/**
 * Owns the MQTT 5 client of the inbound adapter ({@code Mqttv5PahoMessageDrivenChannelAdapter}
 * creates its client privately; a client manager is the supported way to hand it one of ours).
 * The client is in manual-ack mode from the start, reports every connection attempt to
 * {@link MqttConnectionHealth} and announces Waymark's status, as the 3.1.1 client does
 * ({@link MqttV3ClientFactory}).
 * <p>
 * It does not start by itself: {@link MqttV5InboundAdapter} starts it once it is ready for the
 * messages a persistent session delivers right after CONNACK.
 */
class MqttV5ClientManager extends Mqttv5ClientManager {

    private static final Logger log = LoggerFactory.getLogger(MqttV5ClientManager.class);

    private final MqttConnectionHealth health;

    private final MqttConnectionOptions options;

    private volatile boolean running;

    private final TaskExecutor subscriber = new SimpleAsyncTaskExecutor("waymark-mqtt-subscribe-");

    private final @Nullable String statusTopic;

    MqttV5ClientManager(MqttConnectionOptions options, String clientId, MqttConnectionHealth health,
            @Nullable String statusTopic) throws MqttException {
        super(options, clientId);
        this.health = health;
        this.statusTopic = statusTopic;
        this.options = options;
        setManualAcks(true);
        installNewClient();
    }

    /** Gives the manager a fresh client; while it is stopped (and its adapter too). */
    void installNewClient() throws MqttException {
        Client client = new Client(options.getServerURIs()[0], getClientId(),
                Duration.ofSeconds(options.getAutomaticReconnectMaxDelay()));
        client.setManualAcks(true);
        client.setCallback(this);
        setClient(client);
    }

    /** Whether the client's connection attempt has been under way for longer than {@code limit}. */
    boolean attemptOlderThan(Duration limit) {
        return getClient() instanceof Client client && client.attemptOlderThan(limit);
    }

    /**
     * The parent counts itself running as soon as it has a client; this one has its client from
     * the start (the adapter needs it before the manager connects) but connects only in
     * {@link #start()}, so it keeps its own flag.
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started and stopped by {@link MqttV5InboundAdapter}, not by the application context. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        running = true;
        super.start();
    }

    @Override
    public void stop() {
        running = false;
        Client client = getClient() instanceof Client c ? c : null;
        if (client != null) {
            client.stopRetrying();
        }
        if (client != null && client.isConnected() && statusTopic != null) {
            try {
                client.publish(statusTopic, MqttStatus.OFFLINE.getBytes(StandardCharsets.UTF_8), MqttStatus.QOS, true)
                    .waitForCompletion(getDisconnectCompletionTimeout());
            }
            catch (MqttException ex) {
                // going away anyway; the will says offline if the connection drops
            }
        }
        super.stop();
    }

    /**
     * Renews the adapter's subscription off Paho's callback thread: subscribing waits for the
     * SUBACK, which Paho cannot read while a persistent session's backlog fills the queue of
     * the very thread that waits (see {@link MqttV3InboundAdapter}).
     */
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        subscriber.execute(() -> super.connectComplete(reconnect, serverUri));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        if (running) {
            health.connectFailed(response.getException() != null ? response.getException()
                    : new IllegalStateException("disconnected by the broker: " + response));
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT: protocol error: {}", MqttFailureCause.describe(exception));
    }

    /** A Paho client that reports its connection attempts and publishes Waymark's status. */
    private final class Client extends MqttAsyncClient {

        private final MqttConnectRetry retry;

        /** Set once Waymark stops this client: attempts still under way then fail for that reason only. */
        private volatile boolean stopping;

        private volatile @Nullable MqttConnectionOptions options;

        /** When the connection attempt under way started ({@link System#nanoTime()}), 0 if none. */
        private volatile long attemptStarted;

        Client(String serverUri, String clientId, Duration maxReconnectDelay) throws MqttException {
            super(serverUri, clientId, new MemoryPersistence());
            this.retry = new MqttConnectRetry(clientId, maxReconnectDelay);
        }

        /**
         * The manager calls this right after the first connect failed; retry on our own schedule
         * ({@link MqttConnectRetry} says why). Paho's own reconnects after a lost connection do
         * not come through here.
         */
        @Override
        public void reconnect() {
            MqttConnectionOptions first = options;
            if (first == null) {
                return;
            }
            retry.start((succeeded, failed) -> connect(first, null, new MqttActionListener() {

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

        void stopRetrying() {
            stopping = true;
            retry.cancel();
        }

        @Override
        public void close() throws MqttException {
            stopping = true;
            retry.shutdown();
            super.close();
        }

        /** Every connect, the first and each of Paho's automatic reconnects, comes through here. */
        @Override
        public IMqttToken connect(MqttConnectionOptions options, Object userContext, MqttActionListener callback)
                throws MqttException {
            this.options = options;
            attemptStarted = System.nanoTime();
            try {
                return super.connect(options, userContext, new MqttActionListener() {

                    @Override
                    public void onSuccess(IMqttToken token) {
                        attemptStarted = 0;
                        health.connected(getCurrentServerURI());
                        if (statusTopic != null) {
                            try {
                                publish(statusTopic, MqttStatus.ONLINE.getBytes(StandardCharsets.UTF_8),
                                        MqttStatus.QOS, true);
                            }
                            catch (MqttException ex) {
                                // the next connect tries again
                            }
                        }
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
    }
}
