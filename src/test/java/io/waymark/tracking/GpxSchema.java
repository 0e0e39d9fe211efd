package io.waymark.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;

/** Validates GPX documents against the GPX 1.1 schema kept in the test resources. */
final class GpxSchema {

    private static final Schema SCHEMA = load();

    private GpxSchema() {
    }

    static Validator validator() {
        return SCHEMA.newValidator();
    }

    /** Throws with the line and the schema's complaint when the document is not valid GPX 1.1. */
    static void validate(InputStream gpx) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new StreamSource(gpx));
    }

    private static Schema load() {
        try (InputStream xsd = GpxSchema.class.getResourceAsStream("/gpx/gpx.xsd")) {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd));
        }
        catch (SAXException ex) {
            throw new IllegalStateException("gpx.xsd is not a valid schema", ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
