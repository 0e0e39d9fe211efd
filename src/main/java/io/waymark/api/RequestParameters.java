package io.waymark.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Parses query parameters with errors that say what was expected. */
final class RequestParameters {

    private RequestParameters() {
    }

    static Instant parse(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            catch (NumberFormatException | java.time.DateTimeException ex) {
                throw badRequest(name, value);
            }
        }
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw badRequest(name, value);
        }
    }

    static Integer positiveInt(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0 && parsed <= max) {
                return parsed;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "'" + name + "' must be a positive whole number up to " + max + ", got '" + value + "'");
    }

    private static ResponseStatusException badRequest(String name, String value) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + name + "' must be an ISO-8601 instant"
                + " (e.g. 2026-11-25T08:00:00Z) or epoch seconds, got '" + value + "'");
    }
}
