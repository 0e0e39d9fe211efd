package io.waymark.tracking;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The fields of an exported location, in export order: the same names as the JSON answer of
 * {@code /api/v1/devices/{user}/{device}/locations}, so every format says the same thing.
 */
enum LocationField {

    TST("tst", LocationRecord::tst),
    TIME("time", l -> Instant.ofEpochSecond(l.tst())),
    LAT("lat", LocationRecord::lat),
    LON("lon", LocationRecord::lon),
    ALT("alt", LocationRecord::alt),
    ACC("acc", LocationRecord::acc),
    VEL("vel", LocationRecord::vel),
    COG("cog", LocationRecord::cog),
    BATT("batt", LocationRecord::batt),
    BS("bs", LocationRecord::bs),
    CONN("conn", LocationRecord::conn),
    INREGIONS("inregions", l -> l.inregions().isEmpty() ? null : l.inregions()),
    RECEIVED_AT("receivedAt", LocationRecord::receivedAt);

    private final String key;

    private final Function<LocationRecord, Object> value;

    LocationField(String key, Function<LocationRecord, Object> value) {
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    /** The value, or null when the location does not have it (no regions counts as none). */
    Object value(LocationRecord location) {
        return value.apply(location);
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(LocationField::key).toList();
    }
}
