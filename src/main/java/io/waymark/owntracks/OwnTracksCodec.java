package io.waymark.owntracks;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes OwnTracks JSON payloads into {@link OwnTracksMessage}s.
 * <p>
 * Lenient where the apps and third-party trackers differ (unknown fields, missing optional
 * fields, numbers sent as strings, integers sent as floats), strict where a message would be
 * meaningless: a location without a valid {@code lat}, {@code lon} or {@code tst} is rejected
 * with an {@link InvalidMessageException} that says which field is wrong. Thread-safe.
 * <p>
 * A location, nearly every message under load, is read in one streaming pass
 * ({@link LocationReader}); everything else, and every payload that pass is unsure of, goes
 * through a tree. Both read the same fields with the same rules ({@link FieldValues}).
 */
public final class OwnTracksCodec {

    private final JsonMapper mapper;

    public OwnTracksCodec() {
        this(JsonMapper.builder().build());
    }

    public OwnTracksCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public OwnTracksMessage decode(byte[] payload) {
        Location location = LocationReader.read(mapper, payload);
        return location != null ? location : decodeTree(payload);
    }

    /**
     * Decodes through a {@link JsonNode} tree: every type but a plain location (the hot one, read
     * by {@link LocationReader} without a tree), and every payload that reader hands back, among
     * them all the rejected ones, whose reasons and details come from here alone.
     */
    OwnTracksMessage decodeTree(byte[] payload) {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        }
        catch (JacksonException ex) {
            throw new InvalidMessageException(RejectionReason.MALFORMED_JSON,
                    "payload is not valid JSON: " + ex.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidMessageException(RejectionReason.MALFORMED_JSON, "payload is empty");
        }
        if (!root.isObject()) {
            throw new InvalidMessageException(RejectionReason.NOT_AN_OBJECT,
                    "payload is a JSON " + root.getNodeType().name().toLowerCase() + ", not an object");
        }
        Fields fields = new Fields(root);
        String type = fields.string("_type");
        if (type == null) {
            throw new InvalidMessageException(RejectionReason.MISSING_FIELD, "required field '_type' is missing");
        }
        return switch (type) {
            case "location" -> location(fields);
            case "lwt" -> new Lwt(fields.epoch("tst", false));
            case "transition" -> transition(fields);
            case "waypoint" -> waypoint(fields);
            case "waypoints" -> waypoints(root);
            case "configuration" -> new Configuration(root.toString(), regionsOfDump(root));
            case "card" -> new Card(fields.string("name"), fields.string("tid"), fields.string("face"));
            case "status" -> new Status(root.toString());
            case "cmd" -> new Cmd(fields.string("action"));
            default -> new OtherMessage(type);
        };
    }

    private static Location location(Fields f) {
        double lat = f.coordinate("lat", 90);
        double lon = f.coordinate("lon", 180);
        long tst = f.epoch("tst", true);
        String ssid = f.string("SSID");
        String bssid = f.string("BSSID");
        return new Location(lat, lon, tst, f.integer("acc"), f.integer("alt"), f.integer("vac"),
                f.integer("vel"), f.integer("cog"), f.integer("batt"), f.integer("bs"), f.string("tid"),
                f.string("t"), f.string("conn"), f.strings("inregions"), f.strings("inrids"),
                ssid != null ? ssid : f.string("ssid"), bssid != null ? bssid : f.string("bssid"),
                f.optionalDecimal("p"), f.integer("m"), f.epoch("created_at", false));
    }

    private static Transition transition(Fields f) {
        String event = f.string("event");
        if (event == null) {
            throw new InvalidMessageException(RejectionReason.MISSING_FIELD, "required field 'event' is missing");
        }
        Double lat = f.has("lat") ? f.coordinate("lat", 90) : null;
        Double lon = f.has("lon") ? f.coordinate("lon", 180) : null;
        return new Transition(event, f.epoch("tst", true), f.epoch("wtst", false), lat, lon, f.integer("acc"),
                f.string("desc"), f.string("rid"), f.string("tid"), f.string("t"));
    }

    private static Waypoint waypoint(Fields f) {
        Double lat = f.has("lat") ? f.coordinate("lat", 90) : null;
        Double lon = f.has("lon") ? f.coordinate("lon", 180) : null;
        return new Waypoint(f.string("desc"), lat, lon, f.integer("rad"), f.epoch("tst", true), f.string("rid"),
                f.string("uuid"), f.integer("major"), f.integer("minor"));
    }

    private static Waypoints waypoints(JsonNode root) {
        JsonNode array = root.get("waypoints");
        List<Waypoint> waypoints = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                if (element.isObject()) {
                    waypoints.add(waypoint(new Fields(element)));
                }
            }
        }
        return new Waypoints(waypoints);
    }

    /**
     * The regions of a configuration dump. A dump is the app's whole state: one odd region in it
     * is skipped rather than costing the rest.
     */
    private static List<Waypoint> regionsOfDump(JsonNode root) {
        JsonNode array = root.get("waypoints");
        List<Waypoint> waypoints = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                try {
                    if (element.isObject()) {
                        waypoints.add(waypoint(new Fields(element)));
                    }
                }
                catch (InvalidMessageException ex) {
                    // skipped: see above
                }
            }
        }
        return waypoints;
    }

    /** Typed, tolerant access to the fields of one JSON object. */
    private record Fields(JsonNode node) {

        boolean has(String name) {
            JsonNode value = node.get(name);
            return value != null && !value.isNull();
        }

        String string(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull() || value.isContainer()) {
                return null;
            }
            return value.asString();
        }

        /** A number, or a string holding one; null when absent, an error when not a number. */
        Double decimal(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isNumber()) {
                return value.doubleValue();
            }
            if (value.isString()) {
                Double parsed = FieldValues.numberText(value.asString());
                if (parsed == null || !parsed.isNaN()) {
                    return parsed;
                }
            }
            throw new InvalidMessageException(RejectionReason.INVALID_FIELD,
                    "field '" + name + "' must be a number, got " + value);
        }

        /** An optional whole number: one that cannot be read is dropped (see {@link FieldValues#integer}). */
        Integer integer(String name) {
            return FieldValues.integer(optionalDecimal(name));
        }

        Double optionalDecimal(String name) {
            try {
                return decimal(name);
            }
            catch (InvalidMessageException ex) {
                return null;
            }
        }

        double coordinate(String name, int bound) {
            return FieldValues.coordinate(name, decimal(name), bound);
        }

        Long epoch(String name, boolean required) {
            return FieldValues.epoch(name, decimal(name), required);
        }

        List<String> strings(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isArray()) {
                return List.of();
            }
            List<String> result = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isNull() && !element.isContainer()) {
                    result.add(element.asString());
                }
            }
            return result;
        }
    }
}
