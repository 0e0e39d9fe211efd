package io.waymark.transfer;

import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Point features of a GeoJSON FeatureCollection, read one feature at a time from the
 * {@code features} array. A feature's time is {@code properties.tst} (epoch seconds) or
 * {@code properties.time} / {@code isotst} (ISO-8601), as Waymark's and the Recorder's exports
 * write them; its other properties are carried over as OwnTracks fields, so an export imports
 * back as it was. The line of each feature is where its object starts.
 */
final class GeoJsonSource implements ImportSource {

    /** Derived from the geometry or the time, or describing the export rather than the fix. */
    private static final Set<String> NOT_CARRIED = Set.of("_type", "lat", "lon", "alt", "tst", "time", "isotst",
            "receivedAt");

    private final JsonParser json;

    private boolean inFeatures;

    private boolean done;

    GeoJsonSource(InputStream in) {
        this.json = LocationJson.JSON.createParser(in);
    }

    @Override
    public ImportLine next() {
        if (done) {
            return null;
        }
        long line = 1;
        try {
            if (!inFeatures && !findFeatures()) {
                done = true;
                return ImportLine.invalid(line, "not a GeoJSON FeatureCollection: no \"features\" array");
            }
            JsonToken token = json.nextToken();
            line = json.currentTokenLocation().getLineNr();
            if (token == JsonToken.END_ARRAY || token == null) {
                done = true; // what follows the features (bbox, crs, ...) is of no interest
                return null;
            }
            JsonNode feature = json.readValueAsTree();
            return feature(line, feature);
        }
        catch (JacksonException ex) {
            done = true;
            long at = ex.getLocation() == null ? line : ex.getLocation().getLineNr();
            return ImportLine.invalid(at, "not well-formed JSON, reading stopped: " + ex.getOriginalMessage());
        }
    }

    private boolean findFeatures() {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (name.equals("features") && value == JsonToken.START_ARRAY) {
                inFeatures = true;
                return true;
            }
            json.skipChildren();
        }
        return false;
    }

    private static ImportLine feature(long line, JsonNode feature) {
        JsonNode geometry = feature.path("geometry");
        if (!"Point".equals(geometry.path("type").asString(null))) {
            return ImportLine.invalid(line, "feature is not a Point (only points are locations)");
        }
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray() || coordinates.size() < 2 || !coordinates.get(0).isNumber()
                || !coordinates.get(1).isNumber()) {
            return ImportLine.invalid(line, "Point without numeric [lon, lat] coordinates");
        }
        Double alt = coordinates.size() > 2 && coordinates.get(2).isNumber() ? coordinates.get(2).asDouble() : null;
        JsonNode properties = feature.path("properties");
        Long tst;
        try {
            tst = time(properties);
        }
        catch (DateTimeParseException ex) {
            return ImportLine.invalid(line, "feature time is not ISO-8601: " + ex.getParsedString());
        }
        if (tst == null) {
            return ImportLine.invalid(line, "feature without properties.tst or properties.time");
        }
        ObjectNode fields = LocationJson.JSON.createObjectNode();
        if (properties.isObject()) {
            properties.properties().forEach(p -> {
                if (!NOT_CARRIED.contains(p.getKey()) && !p.getValue().isNull()) {
                    fields.set(p.getKey(), p.getValue());
                }
            });
        }
        return ImportLine.message(line, LocationJson.location(coordinates.get(1).asDouble(),
                coordinates.get(0).asDouble(), tst, alt, fields));
    }

    private static Long time(JsonNode properties) {
        JsonNode tst = properties.path("tst");
        if (tst.isIntegralNumber()) {
            return tst.asLong();
        }
        for (String name : new String[] { "time", "isotst" }) {
            JsonNode text = properties.path(name);
            if (text.isString()) {
                return LocationJson.epochSeconds(text.asString());
            }
        }
        return null;
    }
}
