package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.waymark.ingest.IngestItem.Accepted;
import io.waymark.ingest.IngestItem.Rejected;
import io.waymark.owntracks.Card;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import io.waymark.owntracks.Lwt;
import io.waymark.owntracks.OwnTracksMessage;
import io.waymark.owntracks.RejectionReason;
import io.waymark.owntracks.Transition;
import io.waymark.owntracks.Waypoint;
import io.waymark.owntracks.Waypoints;
import io.waymark.presence.PresenceChanged;
import io.waymark.presence.PresenceTracker;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.StoredLocation;
import io.waymark.tracking.StoredTransition;
import io.waymark.tracking.TrackingWriter;
import io.waymark.tracking.TransitionStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The single writer between the MQTT flow and the database.
 * <p>
 * It takes whatever has queued up (up to {@code waymark.ingest.batch-size}), stores it in one
 * transaction of JDBC batches, and only then acknowledges each message to the broker, in
 * arrival order. Under light load a batch is one message and latency is one commit; under
 * heavy load batches grow and the cost per message falls. A crash before the commit leaves the
 * messages unacknowledged, so the broker delivers them again; the writes are idempotent, so a
 * redelivery is stored once.
 * <p>
 * If a batch fails it is retried message by message; a message that fails on its own is
 * recorded as rejected ({@code internal-error}); if even that fails the database is down, and
 * the writer waits and retries without acknowledging anything.
 */
@Component
class IngestBatchWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestBatchWriter.class);

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final BlockingQueue<IngestItem> queue;

    private final int batchSize;

    private final TrackingWriter tracking;

    private final PresenceTracker presence;

    private final RejectedMessageRepository rejectedMessages;

    private final Rejections rejections;

    private final IngestMetrics metrics;

    private final TransactionOperations transactions;

    private final ApplicationEventPublisher events;

    private volatile Thread thread;

    private volatile boolean running;

    /** Set when a transaction rolled back after presence had decided changes in memory. */
    private boolean presenceStale;

    IngestBatchWriter(IngestProperties properties, TrackingWriter tracking, PresenceTracker presence,
            RejectedMessageRepository rejectedMessages, Rejections rejections, IngestMetrics metrics,
            TransactionOperations transactions, ApplicationEventPublisher events) {
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.batchSize = properties.batchSize();
        this.tracking = tracking;
        this.presence = presence;
        this.rejectedMessages = rejectedMessages;
        this.rejections = rejections;
        this.metrics = metrics;
        this.transactions = transactions;
        this.events = events;
    }

    /** Queues a decoded message; blocks while the queue is full (back-pressure on the broker). */
    void submit(IngestItem item) {
        if (item instanceof Accepted accepted) {
            metrics.received(accepted.message().type());
        }
        else {
            metrics.received("unknown");
        }
        try {
            queue.put(item);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while queueing a message for storage", ex);
        }
    }

    private void run() {
        List<IngestItem> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                IngestItem first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                writeWithRetry(batch);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            finally {
                batch.clear();
            }
        }
    }

    private void writeWithRetry(List<IngestItem> batch) throws InterruptedException {
        try {
            write(batch);
            return;
        }
        catch (RuntimeException ex) {
            forgetUncommittedState();
            log.warn("Storing a batch of {} messages failed ({}); retrying one by one", batch.size(), ex.toString());
        }
        Duration backoff = Duration.ofMillis(500);
        int i = 0;
        while (i < batch.size()) {
            IngestItem item = batch.get(i);
            try {
                write(List.of(item));
                i++;
                continue;
            }
            catch (RuntimeException ex) {
                forgetUncommittedState();
                try {
                    write(List.of(new Rejected(item.inbound(), RejectionReason.INTERNAL_ERROR,
                            "could not be stored: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage())));
                    i++;
                    continue;
                }
                catch (RuntimeException databaseDown) {
                    log.error("Database unavailable, {} messages wait unacknowledged; retrying in {}: {}",
                            batch.size() - i, backoff, databaseDown.toString());
                }
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Caches and presence decisions may refer to a transaction that rolled back. */
    private void forgetUncommittedState() {
        tracking.forgetDevices();
        presenceStale = true;
    }

    private void write(List<IngestItem> batch) {
        if (presenceStale) {
            presence.reload();
            presenceStale = false;
        }
        Batch work = new Batch(batch);
        transactions.executeWithoutResult(tx -> work.store());
        for (IngestItem item : batch) {
            acknowledge(item.inbound());
        }
        work.afterCommit();
    }

    /**
     * After the commit, an ack that fails (the connection dropped meanwhile) loses nothing: the
     * broker redelivers the message and the redelivery is stored once.
     */
    private static void acknowledge(InboundMessage inbound) {
        try {
            inbound.ack().run();
        }
        catch (RuntimeException ex) {
            log.debug("Could not acknowledge a stored message on {}; the broker will redeliver it: {}",
                    inbound.topic(), ex.toString());
        }
    }

    /** One batch: sorted into what goes where, stored, then announced. */
    private final class Batch {

        private final List<IngestItem> items;

        private final List<StoredLocation> locations = new ArrayList<>();

        private final List<StoredTransition> transitions = new ArrayList<>();

        private final List<PresenceChanged> presenceChanges = new ArrayList<>();

        private final Map<DeviceId, Instant> lastSeen = new LinkedHashMap<>();

        private final List<Rejected> rejected = new ArrayList<>();

        private Set<StoredLocation> lastKnown = Set.of();

        Batch(List<IngestItem> items) {
            this.items = items;
        }

        void store() {
            Set<DeviceId> devices = new LinkedHashSet<>();
            for (IngestItem item : items) {
                if (item instanceof Accepted a) {
                    devices.add(a.deviceId());
                }
            }
            tracking.ensureDevices(devices);
            for (IngestItem item : items) {
                if (item instanceof Accepted a) {
                    sort(a);
                }
                else {
                    rejected.add((Rejected) item);
                }
            }
            lastKnown = new HashSet<>(tracking.storeLocations(locations));
            tracking.storeTransitions(transitions);
            tracking.updateLastSeen(lastSeen);
            presence.record(presenceChanges);
            if (!rejected.isEmpty()) {
                rejectedMessages.saveAll(rejected.stream().map(rejections::toEntity).toList());
            }
        }

        private void sort(Accepted a) {
            InboundMessage in = a.inbound();
            OwnTracksMessage message = a.message();
            if (message instanceof Location l) {
                locations.add(new StoredLocation(a.deviceId(), l, in.receivedAt(), in.topic(), text(in)));
            }
            else if (message instanceof Transition t) {
                transitions.add(new StoredTransition(a.deviceId(), t, in.receivedAt(), text(in)));
            }
            else if (message instanceof Waypoint w) {
                tracking.storeWaypoints(a.deviceId(), List.of(w), in.receivedAt());
            }
            else if (message instanceof Waypoints w) {
                tracking.storeWaypoints(a.deviceId(), w.waypoints(), in.receivedAt());
            }
            else if (message instanceof Card c) {
                tracking.storeCard(a.deviceId(), c);
            }
            if (in.retained()) {
                return; // a replay from the broker says nothing about the device being there now
            }
            PresenceChanged change = a.message() instanceof Lwt will
                    ? presence.willReceived(a.deviceId(), will, in.receivedAt())
                    : presence.messageReceived(a.deviceId(), in.receivedAt());
            if (!(a.message() instanceof Lwt)) {
                lastSeen.put(a.deviceId(), in.receivedAt());
            }
            if (change != null) {
                presenceChanges.add(change);
            }
        }

        void afterCommit() {
            metrics.batch(items.size());
            for (IngestItem item : items) {
                if (item instanceof Accepted a) {
                    metrics.stored(a.message().type());
                }
            }
            for (Rejected r : rejected) {
                metrics.rejected(r.reason().code());
                rejections.log(r);
            }
            for (StoredLocation l : locations) {
                events.publishEvent(new LocationStored(l, lastKnown.contains(l)));
            }
            transitions.forEach(t -> events.publishEvent(new TransitionStored(t)));
            presenceChanges.forEach(events::publishEvent);
        }

        private static String text(InboundMessage in) {
            return new String(in.payload(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "waymark-ingest-writer");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the MQTT adapter (phase MAX_VALUE / 2), so the queue drains. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 4;
    }
}
