package io.waymark.tracking;

import java.io.Writer;

import io.waymark.device.LocationView;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 7946 FeatureCollection: one Point feature per location, coordinates
 * {@code [lon, lat]} or {@code [lon, lat, alt]} when the altitude is known, and the location's
 * fields (those of the JSON answer, missing ones left out) as properties.
 */
final class GeoJsonExportWriter implements LocationExportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonGenerator json;

    GeoJsonExportWriter(Writer out) {
        this.json = JSON.createGenerator(out);
    }

    @Override
    public void begin() {
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeArrayPropertyStart("features");
    }

    @Override
    public void write(LocationView l) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeObjectPropertyStart("geometry");
        json.writeStringProperty("type", "Point");
        json.writeArrayPropertyStart("coordinates");
        json.writeNumber(l.lon());
        json.writeNumber(l.lat());
        if (l.alt() != null) {
            json.writeNumber(l.alt());
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectPropertyStart("properties");
        for (LocationField field : LocationField.values()) {
            Object value = field.value(l);
            if (value instanceof Number n) {
                writeNumber(field.key(), n);
            }
            else if (value instanceof Iterable<?> list) {
                json.writeArrayPropertyStart(field.key());
                list.forEach(item -> json.writeString(String.valueOf(item)));
                json.writeEndArray();
            }
            else if (value != null) {
                json.writeStringProperty(field.key(), value.toString());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeNumber(String name, Number n) {
        json.writeName(name);
        if (n instanceof Double d) {
            json.writeNumber(d);
        }
        else {
            json.writeNumber(n.longValue());
        }
    }

    @Override
    public void end() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
