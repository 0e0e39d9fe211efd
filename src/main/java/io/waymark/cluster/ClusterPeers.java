package io.waymark.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

/**
 * The other instances this one has heard lately. Every instance says hello when it starts
 * listening and every {@link #HELLO_INTERVAL}; one that has heard nobody sends its events to
 * nobody, so it does not send them at all (on a single instance, the notifications and reading
 * them back again were a third of its CPU while ingesting).
 */
@Component
class ClusterPeers {

    static final Duration HELLO_INTERVAL = Duration.ofSeconds(10);

    /** A peer not heard for this long (three hellos missed) is taken as gone. */
    static final Duration GONE_AFTER = HELLO_INTERVAL.multipliedBy(3);

    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();

    private final LongSupplier nanoTime;

    /** When any peer was last heard (at first: longer ago than gone): read for every event, so one field, not the map. */
    private volatile long anyHeard;

    ClusterPeers() {
        this(System::nanoTime);
    }

    ClusterPeers(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.anyHeard = nanoTime.getAsLong() - GONE_AFTER.toNanos() - 1;
    }

    /**
     * Another instance was heard.
     *
     * @return whether it is new here: never heard, or gone since it was last heard
     */
    boolean heard(String instance) {
        long now = nanoTime.getAsLong();
        Long before = lastHeard.put(instance, now);
        anyHeard = now;
        return before == null || now - before > GONE_AFTER.toNanos();
    }

    /** Whether another instance was heard within {@link #GONE_AFTER}. */
    boolean any() {
        return nanoTime.getAsLong() - anyHeard <= GONE_AFTER.toNanos();
    }
}
