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
                String text = value.asString().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    double parsed = Double.parseDouble(text);
                    if (Double.isFinite(parsed)) {
                        return parsed;
                    }
                }
                catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            throw new InvalidMessageException(RejectionReason.INVALID_FIELD,
                    "field '" + name + "' must be a number, got " + value);
        }

        /**
         * An optional whole number. One that cannot be read (text, out of the int range) is
         * dropped, not fatal: the fix is still worth keeping, and the raw JSON keeps the value.
         */
        Integer integer(String name) {
            Double value = optionalDecimal(name);
            if (value == null) {
                return null;
            }
            long rounded = Math.round(value);
            // a plain (int) cast would wrap a huge value into a plausible-looking wrong one
            return rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE ? null : (int) rounded;
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
            Double value = decimal(name);
            if (value == null) {
                throw new InvalidMessageException(RejectionReason.MISSING_FIELD,
                        "required field '" + name + "' is missing");
            }
            if (value < -bound || value > bound) {
                throw new InvalidMessageException(RejectionReason.OUT_OF_RANGE,
                        "field '" + name + "' is " + value + ", outside [-" + bound + ", " + bound + "]");
            }
            return value;
        }

        Long epoch(String name, boolean required) {
            Double value = decimal(name);
            if (value == null) {
                if (required) {
                    throw new InvalidMessageException(RejectionReason.MISSING_FIELD,
                            "required field '" + name + "' is missing");
                }
                return null;
            }
            if (value < 0) {
                throw new InvalidMessageException(RejectionReason.OUT_OF_RANGE,
                        "field '" + name + "' is negative (" + value.longValue() + ")");
            }
            return value.longValue();
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
