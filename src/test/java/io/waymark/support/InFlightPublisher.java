package io.waymark.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongPredicate;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A phone that keeps many QoS 1 locations in flight, as the OwnTracks apps and
 * {@code mosquitto_pub -l} do, and notes for each PUBACK whether its location was stored by then.
 * Its session is persistent: after a {@link #reconnect()} Paho sends what was not acknowledged
 * again, with the same packet identifiers.
 */
public final class InFlightPublisher implements AutoCloseable {

    /** A PUBACK: for which packet and location, and whether {@code stored} said yes when it came. */
    public record Puback(int packetId, long tst, boolean storedBefore) {
    }

    private final MqttAsyncClient client;

    private final MqttConnectOptions options;

    private final String topic;

    private final Map<Integer, Long> published = new ConcurrentHashMap<>();

    private final List<Puback> pubacks = new CopyOnWriteArrayList<>();

    private volatile boolean connected;

    private InFlightPublisher(MqttAsyncClient client, MqttConnectOptions options, String topic, LongPredicate stored) {
        this.client = client;
        this.options = options;
        this.topic = topic;
        client.setCallback(new MqttCallback() {

            @Override
            public void connectionLost(Throwable cause) {
                connected = false;
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                long tst;
                synchronized (published) { // the PUBACK may come before publish() has noted the packet
                    tst = published.get(token.getMessageId());
                }
                pubacks.add(new Puback(token.getMessageId(), tst, stored.test(tst)));
            }
        });
    }

    /** Connects as {@code clientId} of {@code user}, publishing for {@code device}; {@code stored} is asked at each PUBACK. */
    public static InFlightPublisher connect(String url, String clientId, String user, String password, String device,
            LongPredicate stored) {
        try {
            MqttConnectOptions options = Phone.loginOptions(user, password);
            options.setCleanSession(false);
            options.setMaxInflight(100);
            InFlightPublisher publisher = new InFlightPublisher(new MqttAsyncClient(url, clientId, new MemoryPersistence()),
                    options, "owntracks/" + user + "/" + device, stored);
            publisher.reconnect();
            return publisher;
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Could not connect to " + url + " as " + clientId, ex);
        }
    }

    /** Publishes one location per {@code tst} without waiting for any PUBACK. */
    public InFlightPublisher publish(long... tsts) {
        for (long tst : tsts) {
            MqttMessage message = new MqttMessage(Phone.location(12.5, 7.25, tst).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            try {
                synchronized (published) {
                    published.put(client.publish(topic, message).getMessageId(), tst);
                }
            }
            catch (MqttException ex) {
                throw new IllegalStateException("Could not publish on " + topic, ex);
            }
        }
        return this;
    }

    public List<Puback> pubacks() {
        return List.copyOf(pubacks);
    }

    /** Packet identifier → tst of everything published. */
    public Map<Integer, Long> published() {
        return Map.copyOf(published);
    }

    public boolean isConnected() {
        return connected && client.isConnected();
    }

    /** Connects (again) with the same client id and session. */
    public void reconnect() {
        try {
            client.connect(options).waitForCompletion(15_000);
            connected = true;
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Could not connect as " + client.getClientId(), ex);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        }
        catch (MqttException ex) {
            // closing a test client: nothing left to check
        }
    }
}
