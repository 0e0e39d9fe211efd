package io.waymark.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.waymark.config.EventAudience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends this instance's cluster-wide events to the others. The events arrive after their
 * commit, on the thread that committed (the ingestion writer's, at thousands a second), so the
 * listener only queues them; a sender thread takes what has queued up and sends it in one
 * transaction, packed into as few {@code NOTIFY}s as the payload limit allows. An event too
 * large for one goes to {@code cluster_event} and the notification carries its id.
 * <p>
 * Never blocks the committing thread: when the queue is full (the database cannot keep up)
 * events are dropped, and the others are told so ({@code missed}) and re-read. While no other
 * instance is heard ({@link ClusterPeers}) nothing is sent but a hello now and then.
 */
@Component
class ClusterNotifier implements SmartLifecycle, GenericApplicationListener, EventAudience {

    private static final Logger log = LoggerFactory.getLogger(ClusterNotifier.class);

    /** PostgreSQL rejects a payload of 8000 bytes or more; a margin for the envelope. */
    static final int PAYLOAD_LIMIT = 7900;

    private static final int QUEUE = 100_000;

    private static final int MAX_EVENTS_PER_SEND = 2_000;

    /** How long an oversized event waits in {@code cluster_event} for the others to read it. */
    private static final Duration READ_BACK_KEPT = Duration.ofMinutes(5);

    private final ClusterChannel channel;

    private final ClusterEventCodec codec;

    private final RemoteEvents remoteEvents;

    private final JdbcTemplate jdbc;

    private final TransactionOperations transactions;

    private final ClusterPeers peers;

    /** When this instance last said hello; written by the listener's thread too. */
    private volatile long lastHello = System.nanoTime();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);

    private final AtomicLong dropped = new AtomicLong();

    private final AtomicLong seq = new AtomicLong();

    private volatile boolean running;

    private volatile Thread sender;

    private long lastCleanup = System.nanoTime();

    ClusterNotifier(ClusterChannel channel, ClusterEventCodec codec, RemoteEvents remoteEvents, JdbcTemplate jdbc,
            TransactionOperations transactions, ClusterPeers peers) {
        this.channel = channel;
        this.peers = peers;
        this.codec = codec;
        this.remoteEvents = remoteEvents;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return channel.enabled() && PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())
                && codec.isClusterWide(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
    }

    /** Only while another instance is there to hear it: alone, an event goes to nobody. */
    @Override
    public boolean wants(Object event) {
        return channel.enabled() && codec.isClusterWide(event.getClass()) && peers.any();
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        Object payload = ((PayloadApplicationEvent<?>) event).getPayload();
        if (remoteEvents.isRemote(payload)) {
            return; // another instance's: sending it back would echo it round the cluster
        }
        if (!peers.any()) {
            return; // nobody to tell; an instance that comes is told to re-read (ClusterListener)
        }
        if (!queue.offer(payload)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        List<Object> batch = new ArrayList<>(MAX_EVENTS_PER_SEND);
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_EVENTS_PER_SEND - 1);
                }
            }
            catch (InterruptedException ex) {
                queue.drainTo(batch, MAX_EVENTS_PER_SEND); // stopping: send what is left, once
                running = false;
            }
            long lost = dropped.getAndSet(0);
            if (!batch.isEmpty() || lost > 0) {
                send(batch, lost);
                batch.clear();
            }
            cleanUpNowAndThen();
            if (System.nanoTime() - lastHello >= ClusterPeers.HELLO_INTERVAL.toNanos()) {
                hello(false);
            }
        }
    }

    /** Tells the others this instance is there ({@link ClusterPeers}); from any thread, at once. */
    void hello(boolean missed) {
        lastHello = System.nanoTime();
        try {
            notify(codec.hello(channel.instanceId(), seq.incrementAndGet(), missed));
        }
        catch (DataAccessException ex) {
            log.debug("Could not say hello to the other instances: {}", ex.toString());
        }
    }

    private void send(List<Object> events, long lost) {
        try {
            transactions.executeWithoutResult(tx -> {
                if (lost > 0) {
                    log.warn("{} cluster events dropped (the database is behind); other instances told to re-read", lost);
                    notify(codec.missed(channel.instanceId(), seq.incrementAndGet()));
                }
                List<String> packed = new ArrayList<>();
                int bytes = 0;
                for (Object event : events) {
                    String encoded = codec.encode(event);
                    int size = encoded.getBytes(StandardCharsets.UTF_8).length + 1;
                    if (size > PAYLOAD_LIMIT - 100) {
                        sendForReadBack(encoded);
                        continue;
                    }
                    if (bytes + size > PAYLOAD_LIMIT - 100) {
                        notify(codec.events(channel.instanceId(), seq.incrementAndGet(), packed));
                        packed.clear();
                        bytes = 0;
                    }
                    packed.add(encoded);
                    bytes += size;
                }
                if (!packed.isEmpty()) {
                    notify(codec.events(channel.instanceId(), seq.incrementAndGet(), packed));
                }
            });
        }
        catch (DataAccessException | tools.jackson.core.JacksonException ex) {
            log.warn("Could not send {} events to the other instances: {}", events.size(), ex.toString());
            dropped.addAndGet(Math.max(1, events.size())); // the next send tells them to re-read
        }
    }

    private void sendForReadBack(String encoded) {
        Long id = jdbc.queryForObject("INSERT INTO cluster_event (payload, created_at) VALUES (?, ?) RETURNING id",
                Long.class, codec.events(channel.instanceId(), seq.incrementAndGet(), List.of(encoded)),
                Timestamp.from(Instant.now()));
        notify(codec.readBack(channel.instanceId(), seq.incrementAndGet(), id));
    }

    private void notify(String payload) {
        jdbc.query("SELECT pg_notify(?, ?)", (RowCallbackHandler) rs -> { }, channel.name(), payload);
    }

    private void cleanUpNowAndThen() {
        if (System.nanoTime() - lastCleanup < TimeUnit.MINUTES.toNanos(1)) {
            return;
        }
        lastCleanup = System.nanoTime();
        try {
            jdbc.update("DELETE FROM cluster_event WHERE created_at < ?", Timestamp.from(Instant.now().minus(READ_BACK_KEPT)));
        }
        catch (DataAccessException ex) {
            log.debug("Could not clean up cluster_event: {}", ex.toString());
        }
    }

    @Override
    public void start() {
        if (!channel.enabled()) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "waymark-cluster-notifier");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    /** Sends what is queued, then stops; runs after the ingestion writer has stopped (phase). */
    @Override
    public void stop() {
        running = false;
        Thread thread = sender;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
        sender = null;
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }

    /** Starts before and stops after the ingestion writer, whose events it sends. */
    @Override
    public int getPhase() {
        return 0;
    }
}
