package io.waymark.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The parameters of an {@code /api/0} call, read as the Recorder reads them: an
 * {@code X-Limit-<Name>} header ({@code X-Limit-User}, {@code X-Limit-Device},
 * {@code X-Limit-From}, {@code X-Limit-To}, ...) wins over the query or form field of the same
 * name. Bad values are answered as the Recorder does: 416 for a missing user/device or an
 * impossible time range, 400 for anything else, as {@code application/problem+json}.
 */
record RecorderParameters(String user, String device, String from, String to, String limit, String fields,
        String format) {

    /** The Recorder's default window when {@code from} is left out. */
    static final Duration DEFAULT_HISTORY = Duration.ofHours(6);

    static final int MAX_LIMIT = 10_000_000;

    static RecorderParameters of(HttpServletRequest request) {
        return new RecorderParameters(field(request, "user"), field(request, "device"), field(request, "from"),
                field(request, "to"), field(request, "limit"), field(request, "fields"), field(request, "format"));
    }

    private static String field(HttpServletRequest request, String name) {
        String header = request.getHeader("X-Limit-" + name);
        String value = header != null ? header : request.getParameter(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The requested fields in the order given, or null for all of them. */
    List<String> fieldList() {
        if (fields == null) {
            return null;
        }
        List<String> list = Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        return list.isEmpty() ? null : list;
    }

    /** {@code limit}: the newest N; 0 or none = no limit. */
    int limitValue() {
        if (limit == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 0 && value <= MAX_LIMIT) {
                return value;
            }
        }
        catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "'limit' must be a whole number from 0 (no limit) to " + MAX_LIMIT + ", got '" + limit + "'");
    }

    LocationFormat formatValue() {
        if (format == null) {
            return LocationFormat.JSON;
        }
        return LocationFormat.named(format)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "'format' must be one of "
                    + LocationFormat.names() + ", got '" + format + "'"));
    }

    /** {@code locations} needs both. */
    void requireUserAndDevice() {
        if (user == null || device == null) {
            throw new ResponseStatusException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "'user' and 'device' are required");
        }
    }

    /** {@code from} (default: six hours before now) and {@code to} (default: now), inclusive. */
    TimeRange range(Instant now) {
        Instant end = to == null ? now : instant("to", to);
        Instant start = from == null ? now.minus(DEFAULT_HISTORY) : instant("from", from);
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "impossible date/time range: 'from' (" + start + ") is after 'to' (" + end + ")");
        }
        return new TimeRange(start.getEpochSecond(), end.getEpochSecond());
    }

    private static Instant instant(String name, String value) {
        Instant instant = RecorderTime.parse(value);
        if (instant == null) {
            throw new ResponseStatusException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "'" + name
                    + "' must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (UTC, 'Z' optional)"
                    + " or epoch seconds, got '" + value + "'");
        }
        return instant;
    }

    /** Epoch seconds, both inclusive. */
    record TimeRange(long from, long to) {
    }
}
