package io.waymark.broker;

import java.util.List;

/**
 * Which client publishes the embedded broker hands to the ingestion flow: those whose topic
 * matches one of Waymark's topic filters ({@code waymark.mqtt.topics}, default
 * {@code owntracks/#}), the same ones Waymark's own client subscribes to on an external broker.
 * <p>
 * Asked for every PUBLISH: the filters are split into levels once, and a topic is scanned in
 * place, not split.
 */
final class IngestedTopics {

    private final List<String[]> filters;

    IngestedTopics(List<String> filters) {
        this.filters = filters.stream().map(filter -> filter.split("/", -1)).toList();
    }

    boolean matches(String topic) {
        for (String[] filter : filters) {
            if (matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    /** MQTT topic filter matching with {@code +} and a trailing {@code #} (which also matches the parent). */
    static boolean matches(String[] filter, String topic) {
        int start = 0; // of the topic's next level; past its end once every level is consumed
        for (String level : filter) {
            if (level.equals("#")) {
                return true;
            }
            if (start > topic.length()) {
                return false;
            }
            int end = topic.indexOf('/', start);
            if (end < 0) {
                end = topic.length();
            }
            if (!level.equals("+") && !(level.length() == end - start && topic.startsWith(level, start))) {
                return false;
            }
            start = end + 1;
        }
        return start > topic.length();
    }
}
