package io.waymark.recorder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code format}s of {@code /api/0/locations}, with the content type each is served as:
 * the JSON ones as the Recorder serves them ({@code application/json}), the others (for which the
 * Recorder sends no content type) as their registered types.
 */
enum LocationFormat {

    JSON("application/json", true),
    GEOJSON("application/json", false),
    LINESTRING("application/json", false),
    CSV("text/csv", true),
    GPX("application/gpx+xml", false),
    XML("application/xml", true);

    private final String contentType;

    private final boolean selectsFields;

    LocationFormat(String contentType, boolean selectsFields) {
        this.contentType = contentType;
        this.selectsFields = selectsFields;
    }

    /**
     * Whether {@code fields} cuts the points down; GeoJSON, line strings and GPX always take what
     * they need (position, time, ...), which the Recorder's would lose.
     */
    boolean selectsFields() {
        return selectsFields;
    }

    String contentType() {
        return contentType + ";charset=UTF-8";
    }

    static Optional<LocationFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }
}
