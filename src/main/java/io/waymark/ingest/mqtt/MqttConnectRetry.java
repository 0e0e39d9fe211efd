package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries Waymark's <em>first</em> MQTT connection, with back-off, until it succeeds.
 * <p>
 * Paho's automatic reconnect only takes over once a connection has existed. When the first
 * connect fails, Spring Integration calls {@code client.reconnect()} at once, which Paho refuses
 * while it is still tearing the failed attempt down ("Client is currently disconnecting"), and
 * nothing tries again: a broker that is down, or refuses a password, when Waymark starts would
 * leave Waymark disconnected for good. The clients call {@link #start} instead
 * (through {@link MqttClientLifecycle}).
 */
final class MqttConnectRetry {

    private static final Logger log = LoggerFactory.getLogger(MqttConnectRetry.class);

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final Duration maxDelay;

    private final ScheduledExecutorService timer;

    private Duration delay = FIRST_DELAY;

    private ScheduledFuture<?> pending;

    private boolean stopped;

    MqttConnectRetry(String clientId, Duration maxDelay) {
        this(Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "waymark-mqtt-connect-" + clientId);
            thread.setDaemon(true);
            return thread;
        }), maxDelay);
    }

    /** With the timer that runs the attempts (its own, shut down by {@link #shutdown}). */
    MqttConnectRetry(ScheduledExecutorService timer, Duration maxDelay) {
        this.maxDelay = maxDelay;
        this.timer = timer;
    }

    /** One connection attempt; it calls back {@code succeeded} or {@code failed} when it knows. */
    interface Attempt {

        void connect(Runnable succeeded, Runnable failed) throws Exception;
    }

    /** Starts retrying (again) from the shortest delay. */
    synchronized void start(Attempt attempt) {
        cancel();
        stopped = false;
        delay = FIRST_DELAY;
        schedule(attempt);
    }

    /** Stops retrying: connected, or Waymark is stopping. */
    synchronized void cancel() {
        stopped = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    void shutdown() {
        cancel();
        timer.shutdownNow();
    }

    private synchronized void schedule(Attempt attempt) {
        if (stopped || timer.isShutdown()) {
            return;
        }
        pending = timer.schedule(() -> run(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        Duration next = delay.multipliedBy(2);
        delay = next.compareTo(maxDelay) > 0 ? maxDelay : next;
    }

    private void run(Attempt attempt) {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            attempt.connect(this::cancel, () -> schedule(attempt));
        }
        catch (Exception ex) {
            log.debug("MQTT: connection attempt failed at once: {}", ex.toString());
            schedule(attempt); // the client has reported the cause
        }
    }
}
