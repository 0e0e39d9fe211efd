package io.waymark.support;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A phone running the OwnTracks app, as far as MQTT goes: a Paho client that registers its
 * {@code lwt} as Last Will on {@code owntracks/<user>/<device>} and publishes JSON there.
 */
public final class Phone implements AutoCloseable {

    private final MqttAsyncClient client;

    private final String topic;

    private Phone(MqttAsyncClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    public static Phone connect(String url, String user, String device) {
        return connect(url, user, device, 60, true);
    }

    public static Phone connect(String url, String user, String device, int keepAliveSeconds, boolean cleanSession) {
        return connect(url, user + "-" + device, user, device, keepAliveSeconds, cleanSession);
    }

    public static Phone connect(String url, String clientId, String user, String device, int keepAliveSeconds,
            boolean cleanSession) {
        String topic = "owntracks/" + user + "/" + device;
        try {
            MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(cleanSession);
            options.setKeepAliveInterval(keepAliveSeconds);
            options.setMaxInflight(1000);
            options.setWill(topic, ("{\"_type\":\"lwt\",\"tst\":" + now() + "}").getBytes(StandardCharsets.UTF_8), 1,
                    false);
            client.connect(options).waitForCompletion(10_000);
            return new Phone(client, topic);
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Phone could not connect to " + url, ex);
        }
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String location(double lat, double lon, long tst) {
        return "{\"_type\":\"location\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"tst\":" + tst
                + ",\"acc\":10,\"batt\":77,\"conn\":\"w\",\"tid\":\"ph\"}";
    }

    public Phone publishLocation(double lat, double lon, long tst) {
        return publish(topic, location(lat, lon, tst));
    }

    public Phone publish(String json) {
        return publish(topic, json);
    }

    public Phone publishOn(String subtopic, String json) {
        return publish(topic + "/" + subtopic, json);
    }

    public Phone publish(String toTopic, String json) {
        return publish(toTopic, json.getBytes(StandardCharsets.UTF_8));
    }

    public Phone publish(String toTopic, byte[] payload) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            client.publish(toTopic, message).waitForCompletion(10_000);
            return this;
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Publish to " + toTopic + " failed", ex);
        }
    }

    /** Closes the socket without an MQTT DISCONNECT, as when a phone loses its network. */
    public void dropConnection() {
        try {
            client.disconnectForcibly(0, 1000, false);
            client.close();
        }
        catch (MqttException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A clean MQTT DISCONNECT: brokers publish no will. */
    public void disconnect() {
        try {
            client.disconnect().waitForCompletion(5000);
            client.close();
        }
        catch (MqttException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
            client.close();
        }
        catch (MqttException ex) {
            // already gone
        }
    }
}
