package io.waymark.transfer;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the OwnTracks location a GPX point or GeoJSON feature stands for, so that it can take
 * the same way into the store as a phone's message.
 */
final class LocationJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private LocationJson() {
    }

    /**
     * @param fields further OwnTracks fields (acc, batt, ...) to carry over, or null
     * @param alt metres, rounded as OwnTracks sends whole metres; null when unknown
     */
    static byte[] location(double lat, double lon, long tst, Double alt, ObjectNode fields) {
        ObjectNode json = JSON.createObjectNode();
        json.put("_type", "location");
        if (fields != null) {
            json.setAll(fields);
        }
        json.put("lat", lat);
        json.put("lon", lon);
        json.put("tst", tst);
        if (alt != null) {
            json.put("alt", Math.round(alt));
        }
        return JSON.writeValueAsBytes(json);
    }

    /**
     * Epoch seconds of an xsd:dateTime / ISO-8601 time: with an offset or {@code Z}, or
     * without, taken as UTC (GPX times are UTC); fractions of a second are dropped.
     */
    static long epochSeconds(String text) {
        String time = text.strip();
        try {
            return OffsetDateTime.parse(time).toEpochSecond();
        }
        catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC);
        }
    }

}
