package io.waymark.ingest.mqtt;

import java.time.Duration;

import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.mqtt.core.Mqttv5ClientManager;

/**
 * Owns the MQTT 5 client of the inbound adapter ({@code Mqttv5PahoMessageDrivenChannelAdapter}
 * creates its client privately; a client manager is the supported way to hand it one of ours):
 * an {@link MqttV5Client}, in manual-ack mode from the start.
 * <p>
 * It does not start by itself: {@link MqttV5InboundAdapter} starts it once it is ready for the
 * messages a persistent session delivers right after CONNACK.
 */
class MqttV5ClientManager extends Mqttv5ClientManager {

    private static final Logger log = LoggerFactory.getLogger(MqttV5ClientManager.class);

    private final MqttClientSettings settings;

    private final MqttConnectionHealth health;

    private volatile boolean running;

    private final TaskExecutor subscriber = new SimpleAsyncTaskExecutor("waymark-mqtt-subscribe-");

    MqttV5ClientManager(MqttClientSettings settings, MqttConnectionHealth health) throws MqttException {
        super(settings.v5Options(), settings.clientId());
        this.settings = settings;
        this.health = health;
        setManualAcks(true);
        setCompletionTimeout(settings.completionTimeoutMillis());
        setQuiescentTimeout(MqttClientSettings.QUIESCE_ON_STOP.toMillis());
        setDisconnectCompletionTimeout(MqttClientSettings.QUIESCE_ON_STOP.toMillis());
        installNewClient();
    }

    /** Gives the manager a fresh client; while it is stopped (and its adapter too). */
    void installNewClient() throws MqttException {
        MqttV5Client client = new MqttV5Client(settings.urls().get(0), getClientId(),
                new MqttClientLifecycle(getClientId(), settings, health));
        client.setManualAcks(true);
        client.setCallback(this);
        setClient(client);
    }

    /** Whether the client's connection attempt has been under way for longer than {@code limit}. */
    boolean attemptOlderThan(Duration limit) {
        return getClient() instanceof MqttV5Client client && client.attemptOlderThan(limit);
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

    /** The client says offline before it disconnects ({@link MqttV5Client#disconnectForcibly}). */
    @Override
    public void stop() {
        running = false;
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
}
