package io.waymark.tracking;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.waymark.device.LocationView;

/**
 * The fields of an exported location, in export order: the same names as the JSON answer of
 * {@code /api/v1/devices/{user}/{device}/locations}, so every format says the same thing.
 */
enum LocationField {

    TST("tst", LocationView::tst),
    TIME("time", l -> Instant.ofEpochSecond(l.tst())),
    LAT("lat", LocationView::lat),
    LON("lon", LocationView::lon),
    ALT("alt", LocationView::alt),
    ACC("acc", LocationView::acc),
    VEL("vel", LocationView::vel),
    COG("cog", LocationView::cog),
    BATT("batt", LocationView::batt),
    BS("bs", LocationView::bs),
    CONN("conn", LocationView::conn),
    INREGIONS("inregions", l -> l.inregions().isEmpty() ? null : l.inregions()),
    RECEIVED_AT("receivedAt", LocationView::receivedAt);

    private final String key;

    private final Function<LocationView, Object> value;

    LocationField(String key, Function<LocationView, Object> value) {
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    /** The value, or null when the location does not have it (no regions counts as none). */
    Object value(LocationView location) {
        return value.apply(location);
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(LocationField::key).toList();
    }
}
