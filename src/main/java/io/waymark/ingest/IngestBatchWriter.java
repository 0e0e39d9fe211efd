package io.waymark.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.waymark.config.IngestThreads;
import io.waymark.ingest.IngestItem.Accepted;
import io.waymark.ingest.IngestItem.Rejected;
import io.waymark.owntracks.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * The single writer between the flow and the database: queue, thread, retries and acks.
 * <p>
 * It takes whatever has queued up (up to {@code waymark.ingest.batch-size}), has the
 * {@link BatchStore} store it in one transaction, and only then acknowledges each message to
 * the broker, in arrival order. Under light load a batch is one message and latency is one
 * commit; under heavy load batches grow and the cost per message falls. A crash before the
 * commit leaves the messages unacknowledged, so the broker delivers them again; the writes are
 * idempotent, so a redelivery is stored once.
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

    private final BatchStore store;

    private final IngestMetrics metrics;

    private final Duration firstBackoff;

    private volatile Thread thread;

    private volatile boolean running;

    @Autowired
    IngestBatchWriter(IngestProperties properties, BatchStore store, IngestMetrics metrics) {
        this(properties, store, metrics, Duration.ofMillis(500));
    }

    IngestBatchWriter(IngestProperties properties, BatchStore store, IngestMetrics metrics, Duration firstBackoff) {
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        metrics.queue(queue);
        this.batchSize = properties.batchSize();
        this.store = store;
        this.metrics = metrics;
        this.firstBackoff = firstBackoff;
    }

    /** Queues a decoded message; blocks while the queue is full (back-pressure on the broker). */
    void submit(IngestItem item) {
        metrics.received(item instanceof Accepted accepted ? accepted.message().message().type() : "unknown");
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
            log.warn("Storing a batch of {} messages failed ({}); retrying one by one", batch.size(), ex.toString());
        }
        Duration backoff = firstBackoff;
        int i = 0;
        while (i < batch.size()) {
            IngestItem item = batch.get(i);
            try {
                write(List.of(item));
                i++;
                continue;
            }
            catch (RuntimeException ex) {
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

    private void write(List<IngestItem> batch) {
        metrics.commitTimer().record(() -> store.store(batch));
        for (IngestItem item : batch) {
            acknowledge(item.inbound());
            tell(item);
        }
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

    /** A source waiting for the outcome (HTTP mode) must hear it, and must not break the writer. */
    private static void tell(IngestItem item) {
        IngestOutcome outcome = item instanceof Accepted a
                ? new IngestOutcome.Stored(a.message().deviceId(), a.message().message().type())
                : new IngestOutcome.Rejected(((Rejected) item).reason(), ((Rejected) item).detail());
        try {
            item.inbound().outcome().accept(outcome);
        }
        catch (RuntimeException ex) {
            log.warn("An outcome callback on {} failed: {}", item.inbound().topic(), ex.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        thread = IngestThreads.thread(this::run, "waymark-ingest-writer"); // below the API
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
