package io.waymark.tracking;

import java.io.Writer;
import java.time.Instant;

import io.waymark.owntracks.DeviceId;

/** The formats a location history can be exported in besides JSON, with their media types. */
enum LocationExportFormat {

    GEOJSON("application/geo+json", "geojson"),
    GPX("application/gpx+xml", "gpx"),
    CSV("text/csv;charset=UTF-8", "csv");

    static final String GEOJSON_TYPE = "application/geo+json";

    static final String GPX_TYPE = "application/gpx+xml";

    static final String CSV_TYPE = "text/csv";

    private final String contentType;

    private final String extension;

    LocationExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String fileName(DeviceId device) {
        // a header value: keep it to characters that need no quoting or encoding
        return (device.user() + "-" + device.device()).replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    LocationExportWriter writer(Writer out, DeviceId device, Instant exportedAt) {
        return switch (this) {
            case GEOJSON -> new GeoJsonExportWriter(out);
            case GPX -> new GpxExportWriter(out, device, exportedAt);
            case CSV -> new CsvExportWriter(out);
        };
    }
}
