package io.waymark.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.waymark.account.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream to one browser: a bounded queue of ready-made frames and a thread of its own
 * that writes them, so that a slow or dead connection blocks nobody but itself. It is offered
 * only the frames its {@link Viewer} may see.
 */
final class StreamClient {

    private static final Logger log = LoggerFactory.getLogger(StreamClient.class);

    /** Frames written (and flushed) together when the browser is behind. */
    private static final int MAX_FRAMES_PER_WRITE = 200;

    private final SseEmitter emitter;

    private final BlockingQueue<Frame> queue;

    private final Viewer viewer;

    private final Duration heartbeat;

    private final Duration reconnectDelay;

    private final Consumer<StreamClient> onClosed;

    private final Thread sender;

    private volatile boolean closed;

    StreamClient(int id, SseEmitter emitter, Viewer viewer, DashboardProperties properties,
            Consumer<StreamClient> onClosed) {
        this.emitter = emitter;
        this.viewer = viewer;
        this.queue = new ArrayBlockingQueue<>(properties.clientQueue());
        this.heartbeat = properties.heartbeat();
        this.reconnectDelay = properties.reconnectDelay();
        this.onClosed = onClosed;
        this.sender = new Thread(this::run, "waymark-dashboard-stream-" + id);
        this.sender.setDaemon(true);
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(ex -> close());
    }

    void start() {
        sender.start();
    }

    /** A frame about no device (a resync) goes to everyone; one about a device only to who may see it. */
    boolean sees(Frame frame) {
        return frame.user() == null || viewer.canSee(frame.user());
    }

    /** Never blocks: false when this browser is too far behind, or gone. */
    boolean offer(Frame frame) {
        return !closed && queue.offer(frame);
    }

    /** Stops sending; the browser sees the stream end (and reconnects, unless the page is gone). */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClosed.accept(this);
        if (Thread.currentThread() != sender) {
            sender.interrupt();
        }
    }

    private void run() {
        List<Frame> frames = new ArrayList<>(MAX_FRAMES_PER_WRITE);
        try {
            // an immediate first write commits the response, so the browser's EventSource opens now
            emitter.send(SseEmitter.event().reconnectTime(reconnectDelay.toMillis()).comment("waymark"));
            while (!closed) {
                Frame first = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (closed) {
                    break;
                }
                if (first == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                frames.add(first);
                queue.drainTo(frames, MAX_FRAMES_PER_WRITE - 1);
                emitter.send(encode(frames));
                frames.clear();
            }
        }
        catch (InterruptedException ex) {
            // closed from outside
        }
        catch (IOException | IllegalStateException ex) {
            log.debug("Dashboard stream {} ended: {}", sender.getName(), ex.toString());
        }
        finally {
            close();
            try {
                emitter.complete();
            }
            catch (RuntimeException ex) {
                // the connection is already gone
            }
        }
    }

    /** One write, one flush, for all the frames. */
    private static Set<DataWithMediaType> encode(List<Frame> frames) {
        Set<DataWithMediaType> items = new LinkedHashSet<>();
        for (Frame frame : frames) {
            items.addAll(SseEmitter.event().name(frame.name()).data(frame.json()).build());
        }
        return items;
    }

    /**
     * An event, serialised once for every browser.
     *
     * @param user the owner of the device it is about, or null when it is about none
     */
    record Frame(String name, String user, String json) {
    }
}
