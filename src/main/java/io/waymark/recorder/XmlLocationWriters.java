package io.waymark.recorder;

import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The XML answers of {@code locations}: GPX 1.1 and the Recorder's {@code <owntracks>} document. */
final class XmlLocationWriters {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private static final String GPX_NAMESPACE = "http://www.topografix.com/GPX/1/1";

    private static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

    private XmlLocationWriters() {
    }

    /**
     * A GPX 1.1 track of one segment, valid against its schema: {@code ele} (from {@code alt})
     * before {@code time}, which the Recorder writes the other way round.
     */
    static final class Gpx extends Base {

        Gpx(OutputStream out) {
            super(out);
            call(() -> {
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("gpx");
                xml.writeDefaultNamespace(GPX_NAMESPACE);
                xml.writeNamespace("xsi", XSI_NAMESPACE);
                xml.writeAttribute("version", "1.1");
                xml.writeAttribute("creator", "Waymark");
                xml.writeAttribute(XSI_NAMESPACE, "schemaLocation",
                        GPX_NAMESPACE + " http://www.topografix.com/GPX/1/1/gpx.xsd");
                xml.writeStartElement("trk");
                xml.writeStartElement("trkseg");
            });
        }

        @Override
        public void write(ObjectNode point) {
            call(() -> {
                xml.writeStartElement("trkpt");
                xml.writeAttribute("lat", PointValues.text(point.get("lat")));
                xml.writeAttribute("lon", PointValues.text(point.get("lon")));
                JsonNode alt = point.get("alt");
                if (alt != null && alt.isNumber()) {
                    element("ele", PointValues.text(alt));
                }
                element("time", point.get("isotst").asString());
                xml.writeEndElement();
            });
        }
    }

    /** {@code <owntracks><point><tid>jp</tid><lat>..</lat>...</point>...</owntracks>}, without {@code _type}. */
    static final class Points extends Base {

        /** Field names that are not XML names (they can be anything in JSON) are left out. */
        private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

        Points(OutputStream out) {
            super(out);
            call(() -> {
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("owntracks");
            });
        }

        @Override
        public void write(ObjectNode point) {
            call(() -> {
                xml.writeStartElement("point");
                for (Map.Entry<String, JsonNode> field : point.properties()) {
                    String name = field.getKey();
                    if (!name.equals("_type") && XML_NAME.matcher(name).matches()
                            && !name.regionMatches(true, 0, "xml", 0, 3)) {
                        element(name, PointValues.text(field.getValue()));
                    }
                }
                xml.writeEndElement();
            });
        }
    }

    private abstract static class Base implements LocationWriter {

        final XMLStreamWriter xml;

        Base(OutputStream out) {
            try {
                this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            }
            catch (XMLStreamException ex) {
                throw new IllegalStateException(ex);
            }
        }

        void element(String name, String text) throws XMLStreamException {
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        @Override
        public void finish() {
            call(() -> {
                xml.writeEndDocument();
                xml.flush();
            });
        }

        void call(XmlStep step) {
            try {
                step.run();
            }
            catch (XMLStreamException ex) {
                throw new IllegalStateException("Cannot write XML", ex);
            }
        }
    }

    @FunctionalInterface
    private interface XmlStep {

        void run() throws XMLStreamException;
    }
}
