package io.waymark.broker;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.integration.acks.SimpleAcknowledgment;

/**
 * One QoS 1 message between its hand-off and its PUBACK. The batch writer's commit
 * ({@link #acknowledge()}, on the writer's thread) and the broker's outbound PUBACK
 * ({@link #hold}, on the connection's event loop or its extension task thread) meet here in
 * either order: whichever comes second lets the PUBACK go. A deadline that passes first
 * ({@link #expire()}) takes the held PUBACK away from the commit, so that it is never sent for a
 * message not stored.
 */
final class PendingAck implements SimpleAcknowledgment {

    private static final Object COMMITTED = new Object();

    private static final Object EXPIRED = new Object();

    /** null (neither yet), {@link #COMMITTED}, the held PUBACK's release (a {@link Runnable}), or {@link #EXPIRED}. */
    private final AtomicReference<Object> state = new AtomicReference<>();

    private volatile ScheduledFuture<?> deadline;

    /** A second message with the same packet identifier whose PUBACK comes after this one's; rare. */
    PendingAck later;

    /** The commit. */
    @Override
    public void acknowledge() {
        Object before = state.getAndUpdate(s -> s == EXPIRED ? EXPIRED : COMMITTED);
        if (before instanceof Runnable release) {
            ScheduledFuture<?> watch = deadline;
            if (watch != null) {
                watch.cancel(false);
            }
            release.run();
        }
    }

    boolean committed() {
        return state.get() == COMMITTED;
    }

    /**
     * Holds the PUBACK for the commit, which runs {@code release}; false if the commit came
     * meanwhile (the PUBACK may go).
     */
    boolean hold(Runnable release) {
        return state.compareAndSet(null, release);
    }

    void watchedBy(ScheduledFuture<?> watch) {
        deadline = watch;
    }

    /**
     * The held PUBACK's release, now no longer the commit's to run: it stays {@link #committed()}
     * false for good. Null if the commit came first.
     */
    Runnable expire() {
        Object current = state.get();
        return current instanceof Runnable release && state.compareAndSet(current, EXPIRED) ? release : null;
    }
}
