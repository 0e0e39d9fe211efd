package io.waymark.tracking;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

import io.waymark.device.LocationView;
import io.waymark.owntracks.DeviceId;

/**
 * GPX 1.1: one track named after the device, one segment, a {@code trkpt} per location with
 * its time and, where the altitude is known, {@code ele}. Written by hand rather than through
 * an XML library: the document is a fixed shape and this keeps a million points cheap.
 */
final class GpxExportWriter implements LocationExportWriter {

    private final Writer out;

    private final String name;

    private final Instant exportedAt;

    GpxExportWriter(Writer out, DeviceId device, Instant exportedAt) {
        this.out = out;
        this.name = escape(device.user() + "/" + device.device());
        this.exportedAt = exportedAt;
    }

    @Override
    public void begin() throws IOException {
        out.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="Waymark" xmlns="http://www.topografix.com/GPX/1/1" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
                """);
        out.write(" <metadata><name>" + name + "</name><time>" + exportedAt + "</time></metadata>\n");
        out.write(" <trk><name>" + name + "</name><trkseg>\n");
    }

    @Override
    public void write(LocationView l) throws IOException {
        out.write("  <trkpt lat=\"");
        out.write(LocationExportWriter.decimal(l.lat()));
        out.write("\" lon=\"");
        out.write(LocationExportWriter.decimal(l.lon()));
        out.write("\">");
        if (l.alt() != null) {
            out.write("<ele>" + l.alt() + "</ele>");
        }
        out.write("<time>" + Instant.ofEpochSecond(l.tst()) + "</time></trkpt>\n");
    }

    @Override
    public void end() throws IOException {
        out.write(" </trkseg></trk>\n</gpx>\n");
        out.flush();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
