package io.waymark.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of the cluster's notifications. One notification is an envelope:
 * {@code {"from": instance, "seq": n, "events": [{"type": name, "event": {...}}, ...]}}, or,
 * for events too large for a notification, {@code {"from", "seq", "readBack": id}} (the
 * envelope is in {@code cluster_event}), or {@code {"from", "seq", "missed": true}} when the
 * sender had to drop events, or {@code {"from", "seq", "hello": true}} (perhaps with
 * {@code "missed": true}) when an instance says it is there. Event types come from the {@link ClusterEventType} beans.
 */
@Component
class ClusterEventCodec {

    private static final Logger log = LoggerFactory.getLogger(ClusterEventCodec.class);

    private final Map<Class<?>, ClusterEventType<?>> byType = new HashMap<>();

    private final Map<String, ClusterEventType<?>> byName = new HashMap<>();

    private final JsonMapper json;

    ClusterEventCodec(List<ClusterEventType<?>> types, JsonMapper json) {
        this.json = json;
        for (ClusterEventType<?> type : types) {
            if (byName.put(type.name(), type) != null || byType.put(type.type(), type) != null) {
                throw new IllegalStateException("Two cluster event types for " + type.name() + " / " + type.type());
            }
        }
    }

    boolean isClusterWide(Class<?> eventType) {
        return byType.containsKey(eventType);
    }

    /** One event as an element of an envelope's {@code events}. */
    String encode(Object event) {
        ClusterEventType<?> type = byType.get(event.getClass());
        ObjectNode element = json.createObjectNode();
        element.put("type", type.name());
        element.set("event", write(type, event));
        return json.writeValueAsString(element);
    }

    @SuppressWarnings("unchecked")
    private <E> JsonNode write(ClusterEventType<E> type, Object event) {
        return type.write((E) event, json);
    }

    String events(String from, long seq, List<String> encodedEvents) {
        return "{\"from\":\"" + from + "\",\"seq\":" + seq + ",\"events\":[" + String.join(",", encodedEvents) + "]}";
    }

    String readBack(String from, long seq, long id) {
        return "{\"from\":\"" + from + "\",\"seq\":" + seq + ",\"readBack\":" + id + "}";
    }

    String missed(String from, long seq) {
        return "{\"from\":\"" + from + "\",\"seq\":" + seq + ",\"missed\":true}";
    }

    /** Sender's own notifications start with this (PostgreSQL delivers them to it too). */
    String prefix(String from) {
        return "{\"from\":\"" + from + "\"";
    }

    /**
     * An instance saying it is there ({@link ClusterPeers}); with {@code missed}, also that the
     * receiver may have missed some of its events, as it did not know the receiver was there.
     */
    String hello(String from, long seq, boolean missed) {
        return "{\"from\":\"" + from + "\",\"seq\":" + seq + ",\"hello\":true" + (missed ? ",\"missed\":true}" : "}");
    }

    /** Reads an envelope; events of unknown types (a newer instance's) and unreadable ones are skipped. */
    Envelope decode(String payload) {
        JsonNode root = json.readTree(payload);
        List<Object> events = new ArrayList<>();
        for (JsonNode element : root.path("events")) {
            ClusterEventType<?> type = byName.get(element.path("type").asString());
            if (type == null) {
                log.debug("Skipping a cluster event of unknown type {}", element.path("type"));
                continue;
            }
            try {
                events.add(type.read(element.get("event"), json));
            }
            catch (JacksonException | IllegalArgumentException ex) {
                log.warn("Skipping an unreadable {} event from the cluster: {}", type.name(), ex.toString());
            }
        }
        JsonNode readBack = root.get("readBack");
        return new Envelope(root.path("from").asString(), events, readBack == null ? null : readBack.asLong(),
                root.path("missed").asBoolean(false), root.path("hello").asBoolean(false));
    }

    /** A decoded notification. */
    record Envelope(String from, List<Object> events, Long readBack, boolean missed, boolean hello) {
    }
}
