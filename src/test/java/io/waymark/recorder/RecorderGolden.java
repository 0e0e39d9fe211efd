package io.waymark.recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** Publishes every message of {@code input.jsonl} in order, QoS 1, as the golden run did. */
    static void publishInput(String brokerUrl) {
        List<String> lines = text("input.jsonl").lines().filter(l -> !l.isBlank()).toList();
        // no will: a client with one would make the embedded broker's presence hooks create a device
        try {
            MqttClient client = new MqttClient(brokerUrl, "golden-input", new MemoryPersistence());
            client.connect();
            for (String line : lines) {
                JsonNode message = RecorderHttp.JSON.readTree(line);
                client.publish(message.get("topic").asString(),
                        message.get("payload").toString().getBytes(StandardCharsets.UTF_8), 1, false);
            }
            client.disconnect();
            client.close();
        }
        catch (MqttException ex) {
            throw new IllegalStateException("publishing input.jsonl to " + brokerUrl + " failed", ex);
        }
    }
}
