package io.waymark.broker;

import java.util.List;

/**
 * Which client publishes the embedded broker hands to the ingestion flow: those whose topic
 * matches one of Waymark's topic filters ({@code waymark.mqtt.topics}, default
 * {@code owntracks/#}), the same ones Waymark's own client subscribes to on an external broker.
 */
record IngestedTopics(List<String> filters) {

    boolean matches(String topic) {
        for (String filter : filters) {
            if (matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    /** MQTT topic filter matching with {@code +} and a trailing {@code #}. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
