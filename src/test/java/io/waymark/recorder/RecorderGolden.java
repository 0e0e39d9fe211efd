package io.waymark.recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.waymark.support.Api;
import io.waymark.support.Phone;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;

/**
 * The OwnTracks Recorder 1.0.1's own answers to {@code input.jsonl}
 * ({@code ../shared/recorder-golden}, see its README), and a way to publish that input.
 */
final class RecorderGolden {

    /** Where the golden answers live; {@code -Dwaymark.recorder-golden=...} points elsewhere. */
    static final Path DIR = Path.of(System.getProperty("waymark.recorder-golden", "/work/shared/recorder-golden"));

    private RecorderGolden() {
    }

    static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("golden answer " + name + " missing in " + DIR, ex);
        }
    }

    static JsonNode json(String name) {
        return RecorderHttp.JSON.readTree(text(name));
    }

    /**
     * Publishes every message of {@code input.jsonl} in order, QoS 1, as the golden run did: each
     * user's through a client logged in as that user (created through {@code api} first).
     */
    static void publishInput(String brokerUrl, Api api) {
        List<String> lines = text("input.jsonl").lines().filter(l -> !l.isBlank()).toList();
        Map<String, MqttClient> clients = new HashMap<>();
        // no will: a client with one would make the embedded broker's presence hooks create a device
        try {
            for (String line : lines) {
                JsonNode message = RecorderHttp.JSON.readTree(line);
                String topic = message.get("topic").asString();
                String user = topic.split("/")[1];
                MqttClient client = clients.get(user);
                if (client == null) {
                    api.createUser(user);
                    client = new MqttClient(brokerUrl, "golden-input-" + user, new MemoryPersistence());
                    client.connect(Phone.loginOptions(user, Api.passwordOf(user)));
                    clients.put(user, client);
                }
                client.publish(topic, message.get("payload").toString().getBytes(StandardCharsets.UTF_8), 1, false);
            }
            for (MqttClient client : clients.values()) {
                client.disconnect();
                client.close();
            }
        }
        catch (MqttException ex) {
            throw new IllegalStateException("publishing input.jsonl to " + brokerUrl + " failed", ex);
        }
    }
}
