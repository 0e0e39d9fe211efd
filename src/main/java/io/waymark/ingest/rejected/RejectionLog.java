package io.waymark.ingest.rejected;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.waymark.owntracks.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs rejections at WARN, at most once a minute per reason (a misbehaving client must not
 * flood the log), saying how many were not logged.
 */
@Component
public class RejectionLog {

    private static final Logger log = LoggerFactory.getLogger(RejectionLog.class);

    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final Map<RejectionReason, LogWindow> windows = new ConcurrentHashMap<>();

    public void log(Rejection rejection) {
        LogWindow window = windows.computeIfAbsent(rejection.reason(), r -> new LogWindow());
        long suppressed = window.admit(rejection.receivedAt());
        if (suppressed >= 0) {
            log.warn("Rejected message on topic '{}' ({}): {}{}", rejection.topic(), rejection.reason().code(),
                    rejection.detail(), suppressed > 0 ? " [" + suppressed + " more of this reason not logged]" : "");
        }
    }

    /** One log line per interval; counts what it held back. */
    private static final class LogWindow {

        private volatile Instant opened = Instant.EPOCH;

        private final AtomicLong held = new AtomicLong();

        /** @return -1 to stay quiet, otherwise how many were held back since the last line */
        synchronized long admit(Instant now) {
            if (now.isBefore(opened.plus(LOG_INTERVAL))) {
                held.incrementAndGet();
                return -1;
            }
            opened = now;
            return held.getAndSet(0);
        }
    }
}
