package io.waymark.cluster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an application event cluster-wide: a module declares one bean of this type per event
 * it wants every instance to see, and the bridge does the rest. The default wire form is the
 * event record as JSON; a type that does not survive that round trip overrides
 * {@link #write} and {@link #read}.
 *
 * <pre>{@code
 * @Bean
 * ClusterEventType<LocationStored> locationStoredOnTheCluster() {
 *     return ClusterEventType.of("location", LocationStored.class);
 * }
 * }</pre>
 *
 * @param <E> the event
 */
public interface ClusterEventType<E> {

    /** Its name on the wire: unique, stable across versions that run side by side. */
    String name();

    Class<E> type();

    default JsonNode write(E event, JsonMapper json) {
        return json.valueToTree(event);
    }

    default E read(JsonNode node, JsonMapper json) {
        return json.treeToValue(node, type());
    }

    static <E> ClusterEventType<E> of(String name, Class<E> type) {
        return new Named<>(name, type);
    }

    /** An event sent as its own JSON. */
    record Named<E>(String name, Class<E> type) implements ClusterEventType<E> {
    }
}
