package io.waymark.support;

import java.time.Duration;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waits on what the REST API shows. Each wait asserts a real value: a JSON {@code null}
 * ({@code "location": null}) is a node too, so "is there a node" proves nothing.
 */
public final class Waits {

    private Waits() {
    }

    /** Until the device's presence has {@code state} and, unless null, {@code reason}. */
    public static void awaitPresence(Api api, String user, String device, String state, String reason,
            Duration within) {
        await().atMost(within).untilAsserted(() -> {
            JsonNode found = api.device(user, device);
            assertThat(found).as("device %s/%s", user, device).isNotNull();
            JsonNode presence = found.get("presence");
            assertThat(presence.get("state").asString()).isEqualTo(state);
            if (reason != null) {
                assertThat(presence.get("reason").asString()).isEqualTo(reason);
            }
        });
    }

    /** Until the device's last-known location is the fix at {@code lat}; returns the device. */
    public static JsonNode awaitLastKnown(Api api, String user, String device, double lat, Duration within) {
        return awaitLastKnown(api, user, device, within,
                location -> assertThat(location.get("lat").asDouble()).isEqualTo(lat));
    }

    /** Until the device's last-known location has {@code tst}; returns the device. */
    public static JsonNode awaitLastKnownTst(Api api, String user, String device, long tst, Duration within) {
        return awaitLastKnown(api, user, device, within,
                location -> assertThat(location.get("tst").asLong()).isEqualTo(tst));
    }

    private static JsonNode awaitLastKnown(Api api, String user, String device, Duration within,
            Consumer<JsonNode> expected) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(within).untilAsserted(() -> {
            JsonNode d = api.device(user, device);
            assertThat(d).as("device %s/%s", user, device).isNotNull();
            assertThat(d.get("location").isNull()).as("last-known location of %s/%s", user, device).isFalse();
            expected.accept(d.get("location"));
            found[0] = d;
        });
        return found[0];
    }
}
