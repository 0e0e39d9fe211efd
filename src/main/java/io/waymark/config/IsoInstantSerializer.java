package io.waymark.config;

import java.time.Instant;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an {@link Instant} as ISO-8601 UTC exactly as {@link Instant#toString()} does
 * ({@code 2026-11-25T08:09:34.612829Z}), without {@code DateTimeFormatter}: the device list
 * writes four instants per device, and formatting them was 40% of answering
 * {@code GET /api/v1/devices} (docs/PERFORMANCE.md). Years outside 0000-9999 fall back to
 * {@link Instant#toString()}.
 */
@JacksonComponent
public class IsoInstantSerializer extends ValueSerializer<Instant> {

    private static final long MAX_SECONDS = 253402300799L; // 9999-12-31T23:59:59Z

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        long seconds = value.getEpochSecond();
        if (seconds < -62167219200L || seconds > MAX_SECONDS) {
            generator.writeString(value.toString());
            return;
        }
        char[] text = new char[30];
        int length = format(seconds, value.getNano(), text);
        generator.writeString(text, 0, length);
    }

    /** Formats into {@code out} (30 chars suffice) and returns the length. */
    static int format(long epochSecond, int nano, char[] out) {
        long days = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        // civil-from-days (H. Hinnant), proleptic Gregorian
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int i = 0;
        i = digits(out, i, year, 4);
        out[i++] = '-';
        i = digits(out, i, month, 2);
        out[i++] = '-';
        i = digits(out, i, day, 2);
        out[i++] = 'T';
        i = digits(out, i, secondOfDay / 3600, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay / 60 % 60, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay % 60, 2);
        if (nano > 0) {
            out[i++] = '.';
            // like Instant.toString: milli-, micro- or nanosecond precision, whichever is exact
            if (nano % 1_000_000 == 0) {
                i = digits(out, i, nano / 1_000_000, 3);
            }
            else if (nano % 1_000 == 0) {
                i = digits(out, i, nano / 1_000, 6);
            }
            else {
                i = digits(out, i, nano, 9);
            }
        }
        out[i++] = 'Z';
        return i;
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int p = at + width - 1; p >= at; p--) {
            out[p] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
