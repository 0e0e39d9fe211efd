package io.waymark.config;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Ingestion runs below the API: the threads that carry messages — the batch writer, Paho's
 * receiver, callback and sender threads, the embedded broker's — run at {@link #PRIORITY}, so
 * that under a load that takes every core {@code GET /api/v1/devices} still gets one promptly
 * (docs/PERFORMANCE.md). Ingestion loses nothing by it: messages queue a little longer, and the
 * broker holds what is not yet acknowledged.
 * <p>
 * Java priorities reach the operating system only with {@code -XX:ThreadPriorityPolicy=1} (the
 * Dockerfile's options, with {@code -XX:JavaPriority1_To_OSPriority=10}: nice 10); without it this
 * changes nothing. The same options keep the JIT's threads at nice 0 ({@code
 * -XX:CompilerThreadPriority=0}): as root the JVM would raise them to nice -4, and their bursts of
 * compiling would then hold ingestion back. Lowering needs no privilege; raising back does, and
 * Linux threads inherit their creator's nice value: so no running thread is lowered and restored,
 * a new low thread is started for the work whose threads are to be low.
 */
public final class IngestThreads {

    public static final int PRIORITY = Thread.MIN_PRIORITY;

    /** Work that starts threads, and may fail. */
    @FunctionalInterface
    public interface Start<T, E extends Exception> {

        T run() throws E;
    }

    private IngestThreads() {
    }

    /** A new thread for ingestion, at {@link #PRIORITY}. */
    public static Thread thread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setPriority(PRIORITY);
        return thread;
    }

    /**
     * Lowers the calling thread, one a library runs for ingestion alone (the embedded broker's
     * extension executor, which runs the hand-off) and starts where Waymark cannot reach.
     */
    public static void lowerCurrent() {
        Thread current = Thread.currentThread();
        if (current.getPriority() != PRIORITY) {
            current.setPriority(PRIORITY);
        }
    }

    /**
     * Runs {@code start} on a thread of its own at {@link #PRIORITY} and waits for it: the threads
     * it starts inherit that priority (a library's, which Waymark does not create itself).
     */
    @SuppressWarnings("unchecked")
    public static <T, E extends Exception> T starting(String name, Start<T, E> start) throws E {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = thread(() -> {
            try {
                result.set(start.run());
            }
            catch (Throwable ex) {
                failure.set(ex);
            }
        }, name);
        starter.start();
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            }
            catch (InterruptedException ex) {
                interrupted = true; // the start goes on either way: wait for its outcome
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable ex = failure.get();
        if (ex instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (ex instanceof Error error) {
            throw error;
        }
        if (ex != null) {
            throw (E) ex;
        }
        return result.get();
    }
}
