package io.waymark.recorder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * CSV with a header and one column per field, empty where a point lacks it (RFC 4180 quoting).
 * The columns are the fields asked for; otherwise the OwnTracks location fields and the
 * Recorder's additions, then any other fields of the first point. (The Recorder takes the first
 * point's fields as the header and writes each later row with its own fields, so its columns
 * shift; streamed, the columns have to be known at the first point.)
 */
final class CsvLocationWriter implements LocationWriter {

    private static final List<String> COLUMNS = List.of("_type", "tid", "lat", "lon", "tst", "acc", "alt", "vac",
            "vel", "cog", "batt", "bs", "conn", "t", "m", "p", "SSID", "BSSID", "inregions", "inrids", "created_at",
            "topic", "addr", "ghash", "isorcv", "isotst", "disptst");

    private final Writer out;

    private final List<String> fields;

    private List<String> columns;

    CsvLocationWriter(OutputStream out, List<String> fields) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.fields = fields;
    }

    @Override
    public void write(ObjectNode point) {
        if (columns == null) {
            columns = fields != null ? fields : columnsFor(point);
            line(columns);
        }
        List<String> row = new ArrayList<>(columns.size());
        for (String column : columns) {
            row.add(point.has(column) ? PointValues.text(point.get(column)) : "");
        }
        line(row);
    }

    @Override
    public void finish() {
        try {
            if (columns == null) {
                line(fields != null ? fields : COLUMNS);
            }
            out.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> columnsFor(ObjectNode first) {
        Set<String> columns = new LinkedHashSet<>(COLUMNS);
        columns.addAll(first.propertyNames());
        return List.copyOf(columns);
    }

    private void line(List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(values.get(i)));
            }
            out.write("\r\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
