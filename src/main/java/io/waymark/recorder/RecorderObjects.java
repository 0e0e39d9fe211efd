package io.waymark.recorder;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a stored fix into the Recorder's location objects: the JSON the device sent, field for
 * field and in its order, plus what the Recorder adds. {@code lat}, {@code lon} and
 * {@code tst} are set to the values Waymark decoded, so a device that sent them as strings
 * still gets numbers.
 */
@Component
class RecorderObjects {

    private final JsonMapper json;

    RecorderObjects(JsonMapper json) {
        this.json = json;
    }

    /**
     * An element of {@code last} and of the websocket: plus {@code topic}, {@code username},
     * {@code device}, {@code ghash}, {@code isotst}, {@code disptst} and the card's {@code name}
     * and {@code face} where known.
     */
    ObjectNode last(RecorderLocation location, String name, String face) {
        ObjectNode object = stored(location);
        object.put("topic", location.topic());
        object.put("username", location.user());
        object.put("device", location.device());
        object.put("ghash", Geohash.encode(location.lat(), location.lon(), Geohash.PRECISION));
        object.put("isotst", RecorderTime.iso(location.tst()));
        object.put("disptst", RecorderTime.display(location.tst()));
        if (name != null) {
            object.put("name", name);
        }
        if (face != null) {
            object.put("face", face);
        }
        return object;
    }

    /** An element of {@code locations}: plus {@code ghash}, {@code isorcv}, {@code isotst}, {@code disptst}. */
    ObjectNode point(RecorderLocation location) {
        ObjectNode object = stored(location);
        object.put("ghash", Geohash.encode(location.lat(), location.lon(), Geohash.PRECISION));
        object.put("isorcv", RecorderTime.iso(location.receivedAt().getEpochSecond()));
        object.put("isotst", RecorderTime.iso(location.tst()));
        object.put("disptst", RecorderTime.display(location.tst()));
        return object;
    }

    /** Only the given fields, in the order asked for; fields the object lacks are left out. */
    ObjectNode select(ObjectNode object, List<String> fields) {
        if (fields == null) {
            return object;
        }
        ObjectNode selected = json.createObjectNode();
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value != null) {
                selected.set(field, value);
            }
        }
        return selected;
    }

    String write(JsonNode node) {
        return json.writeValueAsString(node);
    }

    private ObjectNode stored(RecorderLocation location) {
        ObjectNode object;
        try {
            JsonNode node = json.readTree(location.rawJson());
            object = node instanceof ObjectNode o ? o : json.createObjectNode();
        }
        catch (JacksonException ex) {
            // stored by Waymark's own decoder, so it parsed once; never fail a whole answer on one row
            object = json.createObjectNode();
        }
        if (!object.has("_type")) {
            object.put("_type", "location");
        }
        object.put("lat", location.lat());
        object.put("lon", location.lon());
        object.put("tst", location.tst());
        return object;
    }
}
