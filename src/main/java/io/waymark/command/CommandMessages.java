package io.waymark.command;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code cmd} messages the apps understand. {@code setWaypoints} carries a {@code waypoints}
 * message and {@code setConfiguration} a {@code configuration} one; given just the array of
 * regions, or the settings without {@code _type}, the envelope is added.
 */
final class CommandMessages {

    private CommandMessages() {
    }

    /** @throws IllegalArgumentException when the action lacks what it carries */
    static String cmd(JsonMapper json, String action, JsonNode waypoints, JsonNode configuration) {
        ObjectNode cmd = json.createObjectNode().put("_type", "cmd").put("action", action);
        if ("setWaypoints".equals(action)) {
            cmd.set("waypoints", typed(json, "waypoints", waypoints));
        }
        else if ("setConfiguration".equals(action)) {
            cmd.set("configuration", typed(json, "configuration", configuration));
        }
        return json.writeValueAsString(cmd);
    }

    private static ObjectNode typed(JsonMapper json, String type, JsonNode value) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("action needs '" + type + "'");
        }
        if (value.isArray() && "waypoints".equals(type)) {
            ObjectNode message = json.createObjectNode().put("_type", type);
            message.set("waypoints", value);
            return message;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("'" + type + "' must be a JSON object" + ("waypoints".equals(type)
                    ? " or an array of regions" : ""));
        }
        ObjectNode message = json.createObjectNode().put("_type", type);
        value.properties().forEach(e -> {
            if (!"_type".equals(e.getKey())) {
                message.set(e.getKey(), e.getValue());
            }
        });
        return message;
    }
}
