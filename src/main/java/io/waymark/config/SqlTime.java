package io.waymark.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns. Reading goes through
 * {@link OffsetDateTime}, as stored, never through {@link ResultSet#getTimestamp}, whose
 * detour through the JVM's local time zone shifts instants around daylight-saving changes.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** For binding: a {@link Timestamp} is an instant, and both drivers bind it fastest. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
