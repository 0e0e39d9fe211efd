package io.waymark.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of messages received, stored and rejected, tagged by {@code _type} (and reason):
 * {@code waymark.messages.received}, {@code waymark.messages.stored},
 * {@code waymark.messages.rejected}; and {@code waymark.ingest.batch.size}, the messages per
 * transaction. Counters are cached per tag: this is on the hot path.
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;

    private final Map<String, Counter> received = new ConcurrentHashMap<>();

    private final Map<String, Counter> stored = new ConcurrentHashMap<>();

    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    private final DistributionSummary batchSize;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("waymark.ingest.batch.size")
            .description("messages written per transaction")
            .register(registry);
    }

    void received(String type) {
        received.computeIfAbsent(type, t -> counter("waymark.messages.received", t, null)).increment();
    }

    void stored(String type) {
        stored.computeIfAbsent(type, t -> counter("waymark.messages.stored", t, null)).increment();
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> counter("waymark.messages.rejected", "unknown", r)).increment();
    }

    void batch(int size) {
        batchSize.record(size);
    }

    private Counter counter(String name, String type, String reason) {
        Counter.Builder builder = Counter.builder(name).tag("type", type);
        if (reason != null) {
            builder.tag("reason", reason);
        }
        return builder.register(registry);
    }
}
