package io.waymark.owntracks;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codec's hot path: a location read in one streaming pass straight into a {@link Location},
 * without building a tree first (the tree was ~15% of the ingest CPU).
 * <p>
 * It reads only what it can read exactly as the tree path does, and answers {@code null} for
 * everything else: another {@code _type} (or none), anything that would be rejected, malformed
 * JSON, and the rare shapes whose tree reading it does not repeat (a number or boolean where
 * text is expected, a region list holding numbers, a non-finite number). The codec then decodes
 * the payload as a tree, so those get the same message, or the same rejection with the same
 * detail, as before. Duplicate keys: the last one wins, as in a tree.
 */
final class LocationReader {

    // numeric fields, by slot
    private static final int LAT = 0, LON = 1, TST = 2, ACC = 3, ALT = 4, VAC = 5, VEL = 6, COG = 7, BATT = 8,
            BS = 9, PRESSURE = 10, MODE = 11, CREATED_AT = 12, NUMBERS = 13;

    // text fields, by slot
    private static final int TID = 0, TRIGGER = 1, CONN = 2, SSID_UPPER = 3, BSSID_UPPER = 4, SSID = 5, BSSID = 6,
            TEXTS = 7;

    /** A numeric field holding something that is neither a number nor text (a boolean, an object). */
    private static final Object NOT_A_NUMBER = new Object();

    /** Thrown to hand the payload back to the tree path: one instance, no stack trace, nothing to report. */
    private static final HandBack HAND_BACK = new HandBack();

    /** Per numeric slot: null (absent or JSON null), a Double, a String (a number sent as text) or NOT_A_NUMBER. */
    private final Object[] numbers = new Object[NUMBERS];

    private final String[] texts = new String[TEXTS];

    private List<String> inregions = List.of();

    private List<String> inrids = List.of();

    private boolean isLocation;

    private LocationReader() {
    }

    /** The location in {@code payload}, or null when the tree path must decide (see above). */
    static Location read(JsonMapper mapper, byte[] payload) {
        try (JsonParser parser = mapper.createParser(payload)) {
            LocationReader reader = new LocationReader();
            return reader.readObject(parser) ? reader.location() : null;
        }
        catch (JacksonException | InvalidMessageException | HandBack ex) {
            return null;
        }
    }

    /** Reads the whole payload; false when it is not one JSON object with {@code _type} location. */
    private boolean readObject(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            if (!field(name, value, parser)) {
                return false;
            }
        }
        // the tree path rejects trailing content after the object
        return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null && isLocation;
    }

    /** One property; false to hand the payload back. */
    private boolean field(String name, JsonToken value, JsonParser parser) {
        switch (name) {
            case "_type" -> {
                isLocation = value == JsonToken.VALUE_STRING && "location".equals(parser.getString());
                return isLocation;
            }
            case "lat" -> number(LAT, value, parser);
            case "lon" -> number(LON, value, parser);
            case "tst" -> number(TST, value, parser);
            case "acc" -> number(ACC, value, parser);
            case "alt" -> number(ALT, value, parser);
            case "vac" -> number(VAC, value, parser);
            case "vel" -> number(VEL, value, parser);
            case "cog" -> number(COG, value, parser);
            case "batt" -> number(BATT, value, parser);
            case "bs" -> number(BS, value, parser);
            case "p" -> number(PRESSURE, value, parser);
            case "m" -> number(MODE, value, parser);
            case "created_at" -> number(CREATED_AT, value, parser);
            case "tid" -> text(TID, value, parser);
            case "t" -> text(TRIGGER, value, parser);
            case "conn" -> text(CONN, value, parser);
            case "SSID" -> text(SSID_UPPER, value, parser);
            case "BSSID" -> text(BSSID_UPPER, value, parser);
            case "ssid" -> text(SSID, value, parser);
            case "bssid" -> text(BSSID, value, parser);
            case "inregions" -> inregions = strings(value, parser);
            case "inrids" -> inrids = strings(value, parser);
            default -> parser.skipChildren(); // unknown: skipped, nested objects and arrays included
        }
        return true;
    }

    private void number(int slot, JsonToken value, JsonParser parser) {
        numbers[slot] = switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                double d = parser.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw HAND_BACK;
                }
                yield d;
            }
            case VALUE_STRING -> parser.getString();
            case VALUE_NULL -> null;
            default -> {
                parser.skipChildren();
                yield NOT_A_NUMBER;
            }
        };
    }

    private void text(int slot, JsonToken value, JsonParser parser) {
        texts[slot] = switch (value) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NULL -> null;
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield null;
            }
            default -> throw HAND_BACK; // a number or boolean as text: the tree path spells it
        };
    }

    /** A list of texts: null elements and nested containers are left out, as on the tree path. */
    private static List<String> strings(JsonToken value, JsonParser parser) {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> result = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            switch (element) {
                case VALUE_STRING -> result.add(parser.getString());
                case VALUE_NULL -> {
                }
                case START_OBJECT, START_ARRAY -> parser.skipChildren();
                default -> throw HAND_BACK;
            }
        }
        return result;
    }

    /** A field the message cannot do without: what cannot be read is the tree path's to reject. */
    private Double required(int slot) {
        Double value = optional(slot);
        if (value == null && numbers[slot] != null) {
            throw HAND_BACK;
        }
        return value;
    }

    /** A field that is dropped when it cannot be read. */
    private Double optional(int slot) {
        Object value = numbers[slot];
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            Double parsed = FieldValues.numberText(s);
            return parsed == null || parsed.isNaN() ? null : parsed;
        }
        return null;
    }

    private Integer integer(int slot) {
        return FieldValues.integer(optional(slot));
    }

    private Location location() {
        double lat = FieldValues.coordinate("lat", required(LAT), 90);
        double lon = FieldValues.coordinate("lon", required(LON), 180);
        long tst = FieldValues.epoch("tst", required(TST), true);
        String ssid = texts[SSID_UPPER] != null ? texts[SSID_UPPER] : texts[SSID];
        String bssid = texts[BSSID_UPPER] != null ? texts[BSSID_UPPER] : texts[BSSID];
        return new Location(lat, lon, tst, integer(ACC), integer(ALT), integer(VAC), integer(VEL), integer(COG),
                integer(BATT), integer(BS), texts[TID], texts[TRIGGER], texts[CONN], inregions, inrids, ssid, bssid,
                optional(PRESSURE), integer(MODE), FieldValues.epoch("created_at", required(CREATED_AT), false));
    }

    private static final class HandBack extends RuntimeException {

        HandBack() {
            super("not a plain location", null, false, false);
        }
    }
}
