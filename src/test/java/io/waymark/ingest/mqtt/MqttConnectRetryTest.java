package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The back-off of {@link MqttConnectRetry}, with a timer that records each delay asked for and
 * runs the attempt at once: no broker, no waiting for real seconds.
 */
class MqttConnectRetryTest {

    /** Records the delays; runs every attempt without waiting. */
    static final class RecordingTimer extends ScheduledThreadPoolExecutor {

        final List<Duration> delays = new CopyOnWriteArrayList<>();

        RecordingTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, 0, unit);
        }
    }

    final RecordingTimer timer = new RecordingTimer();

    final MqttConnectRetry retry = new MqttConnectRetry(timer, Duration.ofSeconds(30));

    final AtomicInteger attempts = new AtomicInteger();

    /** Attempts that have succeeded and told the retry so. */
    final AtomicInteger successes = new AtomicInteger();

    @AfterEach
    void shutdown() {
        retry.shutdown();
    }

    /** Fails {@code failures} times, then succeeds. */
    MqttConnectRetry.Attempt failing(int failures) {
        return (succeeded, failed) -> {
            if (attempts.incrementAndGet() <= failures) {
                failed.run();
            }
            else {
                succeeded.run();
                successes.incrementAndGet();
            }
        };
    }

    @Test
    void waitsOneSecondThenDoublesUpToTheMaximum() {
        retry.start(failing(6));
        await().atMost(Duration.ofSeconds(5)).until(() -> successes.get() == 1);
        assertThat(timer.delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void stopsOnceAnAttemptSucceeds() {
        retry.start(failing(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> successes.get() == 1);
        assertThat(timer.delays).hasSize(3);
        assertThat(timer.getQueue()).isEmpty();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anAttemptThatThrowsIsRetriedToo() {
        retry.start((succeeded, failed) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("Client is currently disconnecting");
            }
            succeeded.run();
            successes.incrementAndGet();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> successes.get() == 1);
        assertThat(timer.delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L);
    }

    @Test
    void startingAgainBeginsWithTheShortestDelay() {
        retry.start(failing(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> successes.get() == 1);
        attempts.set(0);
        retry.start(failing(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> successes.get() == 2);
        assertThat(timer.delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 1L, 2L);
    }

    @Test
    void cancelledRetriesRunNoAttempt() throws Exception {
        MqttConnectRetry slow = new MqttConnectRetry("test", Duration.ofSeconds(30)); // a real 1 s timer
        try {
            slow.start(failing(0));
            slow.cancel();
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> attempts.get() == 0);
        }
        finally {
            slow.shutdown();
        }
    }

    @Test
    void afterShutdownNothingIsScheduled() {
        retry.shutdown();
        retry.start(failing(0));
        assertThat(timer.delays).isEmpty();
        assertThat(attempts).hasValue(0);
    }
}
