package io.waymark.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.springframework.http.MediaType;

/** The formats Waymark imports, named by {@code format=}, a content type or a file's extension. */
enum ImportFormat {

    REC, GPX, GEOJSON;

    ImportSource open(InputStream in) throws IOException {
        return switch (this) {
            case REC -> new RecFileSource(in);
            case GPX -> new GpxSource(in);
            case GEOJSON -> new GeoJsonSource(in);
        };
    }

    /** {@code rec}, {@code gpx} or {@code geojson} (case-insensitive), else null. */
    static ImportFormat named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "rec" -> REC;
            case "gpx" -> GPX;
            case "geojson" -> GEOJSON;
            default -> null;
        };
    }

    /** The format a specific content type names, or null for generic ones (or none). */
    static ImportFormat of(MediaType type) {
        if (type == null) {
            return null;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (subtype.equals("gpx+xml") || subtype.equals("xml")) {
            return GPX;
        }
        if (subtype.equals("geo+json") || subtype.equals("json")) {
            return GEOJSON;
        }
        if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
            return REC;
        }
        return null;
    }

    static ImportFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".rec")) {
            return REC;
        }
        if (lower.endsWith(".gpx")) {
            return GPX;
        }
        if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
            return GEOJSON;
        }
        return null;
    }

    /**
     * Guesses from the first character that is not white space: {@code <} is XML (GPX),
     * <code>{</code> is JSON (GeoJSON); anything else is taken for a {@code .rec} file, whose
     * lines start with a date. {@code in} must support mark/reset.
     */
    static ImportFormat sniff(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0, b; i < 4096 && (b = in.read()) >= 0; i++) {
                if (b == '<') {
                    return GPX;
                }
                if (b == '{') {
                    return GEOJSON;
                }
                // white space and a UTF-8 byte order mark come before the content
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return REC;
                }
            }
            return REC;
        }
        finally {
            in.reset();
        }
    }
}
