package io.waymark.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.waymark.owntracks.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns rejections into rows to keep, and logs them at WARN, at most once a minute per reason
 * (a misbehaving client must not flood the log), saying how many were not logged.
 */
@Component
class Rejections {

    private static final Logger log = LoggerFactory.getLogger(Rejections.class);

    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    /** Rejected payloads are kept up to this size: enough to see what was wrong. */
    private static final int KEPT_PAYLOAD_BYTES = 256 * 1024;

    private final Map<RejectionReason, LogWindow> windows = new ConcurrentHashMap<>();

    RejectedMessage toEntity(IngestItem.Rejected rejected) {
        InboundMessage in = rejected.inbound();
        byte[] payload = in.payload();
        byte[] kept = payload.length <= KEPT_PAYLOAD_BYTES ? payload : Arrays.copyOf(payload, KEPT_PAYLOAD_BYTES);
        String text = utf8OrNull(kept);
        String detail = rejected.detail() == null ? rejected.reason().code() : rejected.detail();
        return new RejectedMessage(in.topic() == null ? "" : truncate(in.topic(), 1024),
                text != null ? text : Base64.getEncoder().encodeToString(kept), text != null ? "text" : "base64",
                payload.length, rejected.reason().code(), truncate(detail, 1000), in.receivedAt());
    }

    void log(IngestItem.Rejected rejected) {
        LogWindow window = windows.computeIfAbsent(rejected.reason(), r -> new LogWindow());
        long suppressed = window.admit(rejected.inbound().receivedAt());
        if (suppressed >= 0) {
            log.warn("Rejected message on topic '{}' ({}): {}{}", rejected.inbound().topic(), rejected.reason().code(),
                    rejected.detail(), suppressed > 0 ? " [" + suppressed + " more of this reason not logged]" : "");
        }
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\u0000", "\\u0000"); // PostgreSQL text cannot hold NUL
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
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
