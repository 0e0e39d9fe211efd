package io.waymark.config;

import java.time.DateTimeException;
import java.time.Instant;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Query parameters such as {@code from}/{@code to}: an ISO-8601 instant
 * ({@code 2026-11-25T08:00:00Z}) or epoch seconds, as OwnTracks' {@code tst}. Spring Boot adds
 * {@code Converter} beans to MVC's conversion service.
 */
@Component
public class InstantParameterConverter implements Converter<String, Instant> {

    public static final String EXPECTED = "an ISO-8601 instant (e.g. 2026-11-25T08:00:00Z) or epoch seconds";

    @Override
    public Instant convert(String source) {
        String text = source.trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(text))
                    : Instant.parse(text);
        }
        catch (NumberFormatException | DateTimeException ex) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + source + "'", ex);
        }
    }
}
