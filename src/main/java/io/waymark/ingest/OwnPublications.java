package io.waymark.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What Waymark itself published over MQTT (republished friends' data, commands), so that the
 * copy its own subscription receives back is not ingested as a new message: that would be a
 * false sign of life, and would make an HTTP phone look like an MQTT one. Matched by topic and
 * exact payload bytes; each publication cancels one echo, and is forgotten after a minute
 * (a broker that never delivers it back, a restart).
 */
@Component
public class OwnPublications {

    private static final long TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, List<Publication>> byTopic = new ConcurrentHashMap<>();

    /** Call before publishing, so that even a fast echo finds it. */
    public void published(String topic, byte[] payload) {
        long now = System.nanoTime();
        byTopic.values().forEach(list -> {
            synchronized (list) {
                list.removeIf(p -> now - p.at() > TTL_NANOS);
            }
        });
        byTopic.entrySet().removeIf(e -> e.getValue().isEmpty());
        List<Publication> list = byTopic.computeIfAbsent(topic, t -> new ArrayList<>());
        synchronized (list) {
            list.add(new Publication(payload.clone(), now));
        }
    }

    /** Whether this is the echo of one of Waymark's publications; if so it is used up. */
    boolean isEcho(String topic, byte[] payload) {
        if (byTopic.isEmpty() || topic == null) {
            return false;
        }
        List<Publication> list = byTopic.get(topic);
        if (list == null) {
            return false;
        }
        long now = System.nanoTime();
        synchronized (list) {
            for (Iterator<Publication> it = list.iterator(); it.hasNext();) {
                Publication p = it.next();
                if (now - p.at() <= TTL_NANOS && Arrays.equals(p.payload(), payload)) {
                    it.remove();
                    return true;
                }
            }
            return false;
        }
    }

    private record Publication(byte[] payload, long at) {
    }
}
