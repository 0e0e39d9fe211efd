package io.waymark.dashboard;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.waymark.account.Viewer;
import io.waymark.cluster.ClusterEventsMissed;
import io.waymark.config.EventAudience;
import io.waymark.dashboard.StreamClient.Frame;
import io.waymark.presence.PresenceChanged;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.TransitionStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans stored locations, transitions and presence changes out to the open dashboards.
 * <p>
 * The events arrive on the ingest writer's thread (and the broker's, for connects), at up to
 * tens of thousands a second, so the listener only offers the event to a bounded queue and
 * returns; with no dashboard open it does not even do that. One dispatcher thread turns each
 * event into JSON once and offers the frame to every browser's own bounded queue; each browser
 * has a sender thread that writes to its connection. A browser whose queue is full is
 * disconnected: its page reconnects and re-reads the current state. If the dispatcher itself
 * falls behind, events are dropped and every page is told to re-read ({@code resync}).
 * <p>
 * With several instances the events of the others arrive here too (see {@code cluster}), on
 * the cluster listener's thread; when some of them may have been missed the pages re-read.
 */
@Component
class DashboardStream implements SmartLifecycle, EventAudience {

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

    private static final Duration RESYNC_INTERVAL = Duration.ofSeconds(1);

    private final DashboardProperties properties;

    private final JsonMapper json;

    private final BlockingQueue<Object> pending;

    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();

    private final AtomicLong dropped = new AtomicLong();

    private final AtomicInteger clientIds = new AtomicInteger();

    /** When the dispatcher last told the pages to re-read (nanoTime); only it reads or writes this. */
    private long lastResync = System.nanoTime() - RESYNC_INTERVAL.toNanos();

    private volatile boolean running;

    private volatile Thread dispatcher;

    DashboardStream(DashboardProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.pending = new ArrayBlockingQueue<>(properties.eventQueue());
    }

    @EventListener({ LocationStored.class, TransitionStored.class, PresenceChanged.class, ClusterEventsMissed.class })
    void onStored(Object event) {
        if (clients.isEmpty()) {
            return;
        }
        if (!pending.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** No page open, no event built: a page that opens re-reads the current state anyway. */
    @Override
    public boolean wants(Object event) {
        return !clients.isEmpty();
    }

    /** A new stream for one browser, with the events {@code viewer} may see. */
    SseEmitter open(Viewer viewer) {
        if (!running) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Waymark is shutting down");
        }
        if (clients.size() >= properties.maxClients()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "too many open dashboards (waymark.dashboard.max-clients=" + properties.maxClients() + ")");
        }
        SseEmitter emitter = new SseEmitter(0L); // no timeout: heartbeats find dead connections
        StreamClient client = new StreamClient(clientIds.incrementAndGet(), emitter, viewer, properties,
                clients::remove);
        clients.add(client);
        client.start();
        return emitter;
    }

    int openStreams() {
        return clients.size();
    }

    /** Ends every stream; the pages reconnect by themselves. */
    void closeAll() {
        clients.forEach(StreamClient::close);
    }

    private void dispatch() {
        while (running) {
            Object event;
            try {
                event = pending.poll(1, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                return;
            }
            resyncIfEventsWereDropped();
            if (event != null) {
                broadcast(StreamEvent.of(event));
            }
        }
    }

    /** At most once a second, however long a burst lasts: each one makes every page re-read. */
    private void resyncIfEventsWereDropped() {
        long now = System.nanoTime();
        if (dropped.get() == 0 || now - lastResync < RESYNC_INTERVAL.toNanos()) {
            return;
        }
        lastResync = now;
        log.warn("Dashboards fell behind: {} events dropped, pages told to re-read", dropped.getAndSet(0));
        broadcast(StreamEvent.RESYNC);
    }

    private void broadcast(StreamEvent event) {
        if (event == null || clients.isEmpty()) {
            return;
        }
        Frame frame;
        try {
            frame = new Frame(event.name(), event.user(), json.writeValueAsString(event.data()));
        }
        catch (JacksonException ex) {
            log.error("Could not write {} event for the dashboards", event.name(), ex);
            return;
        }
        for (StreamClient client : clients) {
            if (!client.sees(frame)) {
                continue;
            }
            if (!client.offer(frame)) {
                log.info("Disconnecting a dashboard that is {} events behind; it will reconnect",
                        properties.clientQueue());
                client.close();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::dispatch, "waymark-dashboard-dispatcher");
        thread.setDaemon(true);
        dispatcher = thread;
        thread.start();
    }

    /** Ends the streams before the web server's graceful shutdown waits for open requests. */
    @Override
    public void stop() {
        running = false;
        Thread thread = dispatcher;
        if (thread != null) {
            thread.interrupt();
        }
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
