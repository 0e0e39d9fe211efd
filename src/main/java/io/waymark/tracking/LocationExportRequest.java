package io.waymark.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.waymark.owntracks.DeviceId;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The parameters of an export, bound from the path and query: the same {@code from}, {@code to}
 * and {@code limit} as the JSON answer, with the same defaults (the last 24 hours, no limit)
 * and the same errors.
 */
record LocationExportRequest(String user, String device, String from, String to, String limit) {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final int MAX_LIMIT = 100_000;

    /** The validated window; a 400 problem when a parameter is malformed. */
    Window window(Clock clock) {
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minus(DEFAULT_WINDOW));
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        return new Window(new DeviceId(user, device), start.getEpochSecond(), end.getEpochSecond(), positiveLimit());
    }

    record Window(DeviceId device, long from, long to, Integer limit) {
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(text))
                    : Instant.parse(text);
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + name + "' must be an ISO-8601 instant"
                    + " (e.g. 2026-11-25T08:00:00Z) or epoch seconds, got '" + value + "'");
        }
        catch (java.time.DateTimeException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + name + "' is out of range: '" + value + "'");
        }
    }

    private Integer positiveLimit() {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(limit.trim());
            if (parsed > 0 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "'limit' must be a positive whole number up to " + MAX_LIMIT + ", got '" + limit + "'");
    }
}
