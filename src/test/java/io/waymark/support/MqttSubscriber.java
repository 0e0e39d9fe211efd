package io.waymark.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho client subscribed to one filter that collects what it receives, like a phone's friends view. */
public final class MqttSubscriber implements AutoCloseable {

    /** One received message. */
    public record Received(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** The topic of every message received, in order, skipped ones too. */
    private final List<String> topics = new CopyOnWriteArrayList<>();

    private MqttSubscriber(MqttClient client) {
        this.client = client;
    }

    public static MqttSubscriber subscribe(String url, String clientId, String filter) {
        return subscribe(url, clientId, filter, null, null);
    }

    /** @param user when not null, logs in as this user with {@code password} */
    public static MqttSubscriber subscribe(String url, String clientId, String filter, String user, String password) {
        try {
            MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
            MqttSubscriber subscriber = new MqttSubscriber(client);
            MqttConnectOptions options = user == null ? new MqttConnectOptions() : Phone.loginOptions(user, password);
            options.setCleanSession(true);
            client.connect(options);
            client.subscribe(filter, 1, (topic, message) -> {
                subscriber.topics.add(topic);
                subscriber.received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.isRetained()));
            });
            return subscriber;
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Subscriber could not connect to " + url, ex);
        }
    }

    /** The topics of all messages received so far, in order. */
    public List<String> topicsReceived() {
        return List.copyOf(topics);
    }

    /** The next message on {@code topic}, skipping others (say, retained ones of other tests), or null. */
    public Received nextOn(String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Received next = received.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && next.topic().equals(topic)) {
                return next;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        }
        catch (MqttException ex) {
            // already gone
        }
    }
}
