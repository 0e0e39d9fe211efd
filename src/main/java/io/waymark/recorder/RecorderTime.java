package io.waymark.recorder;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * The Recorder's ways of writing a time: {@code from}/{@code to} as {@code YYYY-MM-DD},
 * {@code YYYY-MM-DDTHH:MM}, {@code YYYY-MM-DDTHH:MM:SS} (also {@code YYYY-MM} and
 * {@code YYYY-MM-DDTHH}, which it accepts too), with or without {@code Z}, always UTC; Waymark
 * also takes epoch seconds and full ISO-8601 with an offset. And the two ways it writes one:
 * {@code isotst} and {@code disptst}.
 */
final class RecorderTime {

    /** Missing parts are the start of the period: {@code 2026-11-20} is its midnight (UTC). */
    private static final DateTimeFormatter RECORDER = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM[-dd['T'HH[:mm[:ss]]]]")
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
        .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
        .toFormatter()
        .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private RecorderTime() {
    }

    /** The instant, or null when the text is none of the accepted forms. */
    static Instant parse(String text) {
        String value = text.trim();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            catch (NumberFormatException | DateTimeException ex) {
                return null;
            }
        }
        String local = value.endsWith("Z") || value.endsWith("z") ? value.substring(0, value.length() - 1) : value;
        try {
            return LocalDateTime.parse(local, RECORDER).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeException ex) {
            // not the Recorder's form: perhaps ISO-8601 with an offset or fractions
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    /** {@code isotst}, {@code isorcv}: {@code 2026-11-24T06:02:00Z}. */
    static String iso(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** {@code disptst}: {@code 2026-11-24 06:02:00} (UTC). */
    static String display(long epochSecond) {
        return DISPLAY.format(Instant.ofEpochSecond(epochSecond));
    }
}
