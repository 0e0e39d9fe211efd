package io.waymark.ingest.mqtt;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.jar.JarFile;

import io.waymark.WaymarkApplication;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests of Waymark's classes in Paho's packages share. */
final class PahoOverrides {

    /** The Paho release Waymark's replacements were written against. */
    static final String PAHO_VERSION = "1.2.5";

    private PahoOverrides() {
    }

    /** {@code waymarks} is loaded from Waymark's classes, not Paho's jar, and that jar is {@link #PAHO_VERSION}. */
    static void assertTakesPahosPlace(Class<?> waymarks) throws Exception {
        assertTakesPahosPlace(waymarks, MqttPublish.class);
    }

    /** The same, against the jar that holds {@code pahoClass} (Paho's MQTT 5 client is another). */
    static void assertTakesPahosPlace(Class<?> waymarks, Class<?> pahoClass) throws Exception {
        try (JarFile jar = new JarFile(new File(location(pahoClass).toURI()))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-Version")).isEqualTo(PAHO_VERSION);
        }
        assertThat(location(waymarks)).isEqualTo(location(WaymarkApplication.class))
            .isNotEqualTo(location(pahoClass));
    }

    /** A JSON-like payload of {@code size} bytes, with a two-byte UTF-8 character in it. */
    static byte[] payload(int size) {
        byte[] pattern = "{\"_type\":\"location\",\"lat\":52.52,\"tid\":\"ö\"}".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = pattern[i % pattern.length];
        }
        return payload;
    }

    /** {@code first} followed by {@code second}: a packet from its header and the rest, or packets in a row. */
    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** A callback that ignores a lost connection and completed deliveries unless told otherwise. */
    abstract static class Recording implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
