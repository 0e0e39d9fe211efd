package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.waymark.support.Api;
import io.waymark.support.WaymarkApp;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** What the tests of Waymark against real brokers share: starting Waymark on one, reading its state. */
final class MqttBrokerFixtures {

    static final Duration STARTUP = Duration.ofSeconds(60);

    private MqttBrokerFixtures() {
    }

    /** Waymark with the embedded broker off, an in-memory database, and {@code properties} on top. */
    static WaymarkApp startWaymark(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("waymark.broker.enabled", "false");
        all.put("spring.datasource.url", "jdbc:h2:mem:waymark-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        all.putAll(properties);
        return WaymarkApp.start(all);
    }

    /** The {@code mqtt} component of {@code /actuator/health}. */
    static JsonNode mqttHealth(Api api) {
        return api.call("/actuator/health").json().get("components").get("mqtt");
    }

    static void awaitMqttUp(Api api) {
        await("mqtt health UP").atMost(STARTUP).until(() -> "UP".equals(mqttHealth(api).get("status").asString()));
    }

    /** The device's last-known {@code tst}, or -1 before its first location. */
    static long lastTst(Api api, String user, String device) {
        JsonNode node = api.device(user, device);
        return node == null || node.get("location").isNull() ? -1 : node.get("location").get("tst").asLong();
    }

    /** The device's whole history. */
    static JsonNode history(Api api, String user, String device) {
        return api.get("/api/v1/devices/" + user + "/" + device + "/locations?from=0&limit=100000");
    }
}
