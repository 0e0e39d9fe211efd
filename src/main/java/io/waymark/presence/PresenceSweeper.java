package io.waymark.presence;

import java.util.concurrent.ScheduledFuture;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Runs the timeout sweep every {@code waymark.presence.sweep-interval}. */
@Component
class PresenceSweeper implements SmartLifecycle {

    private final PresenceTracker tracker;

    private final TaskScheduler scheduler;

    private final PresenceProperties properties;

    private volatile ScheduledFuture<?> task;

    PresenceSweeper(PresenceTracker tracker, TaskScheduler scheduler, PresenceProperties properties) {
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(tracker::sweep, properties.sweepInterval());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
