package io.waymark.recorder;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON answers of {@code locations}: the Recorder's object, GeoJSON points, a line string. */
final class JsonLocationWriters {

    private JsonLocationWriters() {
    }

    /**
     * {@code {"data": [...], "count": N, "status": 200, "version": "..."}}. The Recorder writes
     * {@code count} first; here it follows the data, which is streamed and counted on the way
     * (member order means nothing in JSON, and a count taken beforehand could disagree with the
     * data when a fix arrives in between).
     */
    static final class Data implements LocationWriter {

        private final JsonGenerator generator;

        private final String version;

        private long count;

        Data(JsonMapper json, OutputStream out, String version) {
            this.generator = json.createGenerator(out);
            this.version = version;
            generator.writeStartObject();
            generator.writeName("data");
            generator.writeStartArray();
        }

        @Override
        public void write(ObjectNode point) {
            generator.writeTree(point);
            count++;
        }

        @Override
        public void finish() {
            generator.writeEndArray();
            generator.writeNumberProperty("count", count);
            generator.writeNumberProperty("status", 200);
            generator.writeStringProperty("version", version);
            generator.writeEndObject();
            generator.close();
        }
    }

    /**
     * A GeoJSON FeatureCollection of points with the Recorder's properties: {@code name} (the
     * tid), {@code vel}, {@code tst}, {@code acc}, {@code alt} (0 when missing, as there),
     * {@code address} and {@code isotst}.
     */
    static final class FeatureCollection implements LocationWriter {

        private final JsonGenerator generator;

        FeatureCollection(JsonMapper json, OutputStream out) {
            this.generator = json.createGenerator(out);
            generator.writeStartObject();
            generator.writeStringProperty("type", "FeatureCollection");
            generator.writeName("features");
            generator.writeStartArray();
        }

        @Override
        public void write(ObjectNode point) {
            generator.writeStartObject();
            generator.writeStringProperty("type", "Feature");
            generator.writeName("geometry");
            generator.writeStartObject();
            generator.writeStringProperty("type", "Point");
            generator.writeName("coordinates");
            writePosition(generator, point);
            generator.writeEndObject();
            generator.writeName("properties");
            generator.writeStartObject();
            generator.writeStringProperty("name", text(point, "tid"));
            generator.writeName("vel");
            generator.writeTree(number(point, "vel"));
            generator.writeName("tst");
            generator.writeTree(point.get("tst"));
            generator.writeName("acc");
            generator.writeTree(number(point, "acc"));
            generator.writeName("alt");
            generator.writeTree(number(point, "alt"));
            generator.writeStringProperty("address", text(point, "addr"));
            generator.writeStringProperty("isotst", text(point, "isotst"));
            generator.writeEndObject();
            generator.writeEndObject();
        }

        @Override
        public void finish() {
            generator.writeEndArray();
            generator.writeEndObject();
            generator.close();
        }

        private JsonNode number(ObjectNode point, String field) {
            JsonNode value = point.get(field);
            return value != null && value.isNumber() ? value : point.numberNode(0);
        }

        private static String text(ObjectNode point, String field) {
            JsonNode value = point.get(field);
            return value == null || value.isNull() ? "" : value.asString();
        }
    }

    /** A GeoJSON Feature whose geometry is the LineString of all the points. */
    static final class LineString implements LocationWriter {

        private final JsonGenerator generator;

        LineString(JsonMapper json, OutputStream out) {
            this.generator = json.createGenerator(out);
            generator.writeStartObject();
            generator.writeStringProperty("type", "Feature");
            generator.writeName("properties");
            generator.writeStartObject();
            generator.writeEndObject();
            generator.writeName("geometry");
            generator.writeStartObject();
            generator.writeName("coordinates");
            generator.writeStartArray();
        }

        @Override
        public void write(ObjectNode point) {
            writePosition(generator, point);
        }

        @Override
        public void finish() {
            generator.writeEndArray();
            generator.writeStringProperty("type", "LineString");
            generator.writeEndObject();
            generator.writeEndObject();
            generator.close();
        }
    }

    /** GeoJSON's order: longitude, latitude. */
    private static void writePosition(JsonGenerator generator, ObjectNode point) {
        generator.writeStartArray();
        generator.writeNumber(point.get("lon").asDouble());
        generator.writeNumber(point.get("lat").asDouble());
        generator.writeEndArray();
    }
}
