package io.waymark.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The track points of a GPX file ({@code trkpt}, with {@code lat}, {@code lon}, {@code time}
 * and optionally {@code ele}), read with StAX so that a long track is never held whole. Line
 * numbers are those of each {@code <trkpt>}. Waypoints and routes are not history and are left
 * out.
 */
final class GpxSource implements ImportSource {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // a GPX file needs no DTD; refusing them shuts out external entities (XXE)
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final XMLStreamReader xml;

    private boolean failed;

    GpxSource(InputStream in) throws IOException {
        try {
            this.xml = XML.createXMLStreamReader(in);
        }
        catch (XMLStreamException ex) {
            throw new IOException("not an XML document: " + ex.getMessage(), ex);
        }
    }

    @Override
    public ImportLine next() {
        if (failed) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("trkpt")) {
                    return point();
                }
            }
            return null;
        }
        catch (XMLStreamException ex) {
            failed = true;
            long line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNumber();
            return ImportLine.invalid(line, "not well-formed GPX, reading stopped: " + ex.getMessage());
        }
    }

    private ImportLine point() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        String lat = xml.getAttributeValue(null, "lat");
        String lon = xml.getAttributeValue(null, "lon");
        String ele = null;
        String time = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && xml.getLocalName().equals("ele")) {
                    ele = xml.getElementText();
                }
                else if (depth == 1 && xml.getLocalName().equals("time")) {
                    time = xml.getElementText();
                }
                else {
                    depth++;
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (lat == null || lon == null) {
            return ImportLine.invalid(line, "trkpt without lat or lon");
        }
        if (time == null || time.isBlank()) {
            return ImportLine.invalid(line, "trkpt without <time>: OwnTracks needs the time of each fix");
        }
        try {
            return ImportLine.message(line, LocationJson.location(Double.parseDouble(lat), Double.parseDouble(lon),
                    LocationJson.epochSeconds(time), ele == null || ele.isBlank() ? null : Double.valueOf(ele.strip()),
                    null));
        }
        catch (NumberFormatException ex) {
            return ImportLine.invalid(line, "trkpt with a lat, lon or ele that is not a number");
        }
        catch (DateTimeParseException ex) {
            return ImportLine.invalid(line, "trkpt with a <time> that is not an xsd:dateTime: '" + time + "'");
        }
    }
}
