package io.waymark.recorder;

import java.io.OutputStream;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the points of {@code /api/0/locations} one at a time as they come from the database,
 * so that an answer of a million points needs no list of them.
 */
interface LocationWriter {

    /**
     * One point: a location object as {@link RecorderObjects#point} makes it, already cut down
     * to the fields asked for if the format {@linkplain LocationFormat#selectsFields() shows
     * only those}.
     */
    void write(ObjectNode point);

    /** Writes what follows the last point and flushes. */
    void finish();

    /** @param fields the fields asked for (null: all): the CSV's columns */
    static LocationWriter of(LocationFormat format, OutputStream out, JsonMapper json, List<String> fields,
            String version) {
        return switch (format) {
            case JSON -> new JsonLocationWriters.Data(json, out, version);
            case GEOJSON -> new JsonLocationWriters.FeatureCollection(json, out);
            case LINESTRING -> new JsonLocationWriters.LineString(json, out);
            case CSV -> new CsvLocationWriter(out, fields);
            case GPX -> new XmlLocationWriters.Gpx(out);
            case XML -> new XmlLocationWriters.Points(out);
        };
    }
}
