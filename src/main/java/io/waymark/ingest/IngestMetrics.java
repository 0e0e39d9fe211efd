package io.waymark.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of messages received, stored and rejected, tagged by {@code _type} (and reason):
 * {@code waymark.messages.received}, {@code waymark.messages.stored},
 * {@code waymark.messages.rejected}. Counters are cached: this is on the hot path.
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String type) {
        counter("waymark.messages.received", type, null).increment();
    }

    void stored(String type) {
        counter("waymark.messages.stored", type, null).increment();
    }

    void rejected(String type, String reason) {
        counter("waymark.messages.rejected", type, reason).increment();
    }

    private Counter counter(String name, String type, String reason) {
        return counters.computeIfAbsent(name + '|' + type + '|' + reason, k -> {
            Counter.Builder builder = Counter.builder(name).tag("type", type);
            if (reason != null) {
                builder.tag("reason", reason);
            }
            return builder.register(registry);
        });
    }
}
