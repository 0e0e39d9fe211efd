package io.waymark.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.waymark.owntracks.Card;
import io.waymark.owntracks.Configuration;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.Lwt;
import io.waymark.owntracks.OwnTracksMessage;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.Status;
import io.waymark.owntracks.Transition;
import io.waymark.owntracks.Waypoint;
import io.waymark.owntracks.Waypoints;
import org.springframework.stereotype.Component;

/**
 * Counters of messages received, stored, ignored and rejected, tagged by {@code _type} (and
 * reason): {@code waymark.messages.received}, {@code waymark.messages.stored} (what a module
 * keeps), {@code waymark.messages.ignored} (accepted types Waymark does not store: cmd,
 * steps, ...), {@code waymark.messages.rejected}; and {@code waymark.ingest.batch.size}, the
 * messages per transaction, {@code waymark.ingest.commit} (the time to store and commit one
 * batch) and {@code waymark.ingest.queue.depth} (messages decoded but not yet stored). Counters
 * are cached per tag, the location ones in fields, and a batch's stored locations are counted
 * with one increment: this is on the hot path.
 */
@Component
class IngestMetrics {

    private static final String LOCATION = "location";

    private final MeterRegistry registry;

    private final Map<String, Counter> received = new ConcurrentHashMap<>();

    private final Map<String, Counter> stored = new ConcurrentHashMap<>();

    private final Map<String, Counter> ignored = new ConcurrentHashMap<>();

    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    private final Counter locationsReceived;

    private final Counter locationsStored;

    private final DistributionSummary batchSize;

    private final Timer commit;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.locationsReceived = received.computeIfAbsent(LOCATION, t -> counter("waymark.messages.received", t, null));
        this.locationsStored = stored.computeIfAbsent(LOCATION, t -> counter("waymark.messages.stored", t, null));
        this.batchSize = DistributionSummary.builder("waymark.ingest.batch.size")
            .description("messages written per transaction")
            .register(registry);
        this.commit = Timer.builder("waymark.ingest.commit")
            .description("time to store and commit one batch")
            .register(registry);
    }

    /** Reports the writer's queue as {@code waymark.ingest.queue.depth}. */
    void queue(Collection<?> queue) {
        Gauge.builder("waymark.ingest.queue.depth", queue, Collection::size)
            .description("messages decoded and waiting for the writer")
            .register(registry);
    }

    Timer commitTimer() {
        return commit;
    }

    void received(String type) {
        if (LOCATION.equals(type)) {
            locationsReceived.increment();
            return;
        }
        received.computeIfAbsent(type, t -> counter("waymark.messages.received", t, null)).increment();
    }

    /** A committed batch's messages, the locations counted at once. */
    void committed(List<ReceivedMessage> messages) {
        int locations = 0;
        for (ReceivedMessage m : messages) {
            if (m.message() instanceof Location) {
                locations++;
            }
            else {
                committed(m.message());
            }
        }
        if (locations > 0) {
            locationsStored.increment(locations);
        }
    }

    /** A committed message: stored if a module keeps its type, ignored otherwise. */
    private void committed(OwnTracksMessage message) {
        String type = message.type();
        if (isStored(message)) {
            stored.computeIfAbsent(type, t -> counter("waymark.messages.stored", t, null)).increment();
        }
        else {
            ignored.computeIfAbsent(type, t -> counter("waymark.messages.ignored", t, null)).increment();
        }
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> counter("waymark.messages.rejected", "unknown", r)).increment();
    }

    void batch(int size) {
        batchSize.record(size);
    }

    /**
     * The types the modules keep: tracking (locations, transitions, waypoints, a dump's regions),
     * device (cards, the last status and configuration dump) and presence (wills, as presence changes). Keep in step with their {@code record} methods.
     */
    private static boolean isStored(OwnTracksMessage m) {
        return m instanceof Location || m instanceof Transition || m instanceof Waypoint || m instanceof Waypoints
                || m instanceof Card || m instanceof Lwt || m instanceof Status || m instanceof Configuration;
    }

    private Counter counter(String name, String type, String reason) {
        Counter.Builder builder = Counter.builder(name).tag("type", type);
        if (reason != null) {
            builder.tag("reason", reason);
        }
        return builder.register(registry);
    }
}
