package io.waymark.tracking;

import java.io.IOException;
import java.io.Writer;

import io.waymark.device.LocationView;

/**
 * RFC 4180 CSV: a header row of the field names, then one row per location with one column per
 * field, empty where the location does not have it. Regions are joined with {@code ;}.
 */
final class CsvExportWriter implements LocationExportWriter {

    private final Writer out;

    CsvExportWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        out.write(String.join(",", LocationField.keys()));
        out.write("\r\n");
    }

    @Override
    public void write(LocationView l) throws IOException {
        LocationField[] fields = LocationField.values();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = fields[i].value(l);
            if (value instanceof Double d) {
                out.write(LocationExportWriter.decimal(d));
            }
            else if (value instanceof Iterable<?> list) {
                out.write(quoted(String.join(";", (Iterable<String>) list)));
            }
            else if (value != null) {
                out.write(quoted(value.toString()));
            }
        }
        out.write("\r\n");
    }

    private static String quoted(String text) {
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }
}
