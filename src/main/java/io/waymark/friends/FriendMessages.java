package io.waymark.friends;

import io.waymark.owntracks.DeviceId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A friend's {@code location} and {@code card} as the apps want them: each with the friend's
 * {@code tid} (the apps key friends by it), its {@code topic} (HTTP-mode apps learn the friend's
 * user and device from it) and a numeric {@code tst}. One home for the /pub answer and the MQTT
 * republish.
 */
final class FriendMessages {

    private FriendMessages() {
    }

    static String topic(DeviceId device) {
        return "owntracks/" + device.user() + "/" + device.device();
    }

    /** The stored location JSON, completed; null if it cannot be read (never in the answer). */
    static String location(JsonMapper json, DeviceId device, String tid, long tst, String rawJson) {
        JsonNode node;
        try {
            node = json.readTree(rawJson);
        }
        catch (JacksonException ex) {
            return null;
        }
        if (!(node instanceof ObjectNode location)) {
            return null;
        }
        if (!location.hasNonNull("tid")) {
            location.put("tid", tid != null ? tid : device.defaultTid());
        }
        location.put("topic", topic(device));
        location.put("tst", tst); // phones and trackers may send it as a string
        return json.writeValueAsString(location);
    }

    static String card(JsonMapper json, DeviceId device, String tid, String name, String face, long tst) {
        ObjectNode card = json.createObjectNode().put("_type", "card");
        if (name != null) {
            card.put("name", name);
        }
        if (face != null) {
            card.put("face", face);
        }
        card.put("tid", tid != null ? tid : device.defaultTid());
        card.put("topic", topic(device) + "/info");
        card.put("tst", tst);
        return json.writeValueAsString(card);
    }
}
