package io.waymark.command;

import java.time.Duration;

import io.waymark.support.Api.Response;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.Phone.Received;
import io.waymark.support.Waits;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands to MQTT devices: published on their {@code cmd} topic, never a sign of life; what
 * the device sends back (a {@code t:"r"} location, a status, a configuration dump) is stored and shown.
 */
class CommandsOverMqttTest extends EmbeddedWaymarkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reportLocationReachesTheDeviceAndItsAnswerIsStored() {
        try (Phone cmdTopic = listening("friend", "owntracks/cmd-mq/phone/cmd");
                Phone phone = phone("cmd-mq", "phone")) {
            phone.publishLocation(10, 10, Phone.now() - 60);
            Waits.awaitPresence(api(), "cmd-mq", "phone", "online", null, Duration.ofSeconds(10));
            Response sent = api().send("POST", "/api/v1/devices/cmd-mq/phone/commands", "{\"action\":\"reportLocation\"}");
            assertThat(sent.status()).isEqualTo(202);
            assertThat(sent.json().get("state").asString()).isEqualTo("sent");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(cmdTopic.received()).hasSize(1);
                JsonNode cmd = JSON.readTree(cmdTopic.received().get(0).payload());
                assertThat(cmd.get("_type").asString()).isEqualTo("cmd");
                assertThat(cmd.get("action").asString()).isEqualTo("reportLocation");
            });
            long tst = Phone.now();
            phone.publish("{\"_type\":\"location\",\"lat\":11,\"lon\":12,\"tst\":" + tst + ",\"t\":\"r\",\"tid\":\"ph\"}");
            Waits.awaitLastKnownTst(api(), "cmd-mq", "phone", tst, Duration.ofSeconds(10));
        }
        JsonNode listed = api().get("/api/v1/devices/cmd-mq/phone/commands");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("state").asString()).isEqualTo("sent");
    }

    @Test
    void aCommandIsNoSignOfLife() {
        try (Phone phone = phone("cmd-quiet", "phone")) {
            phone.publishLocation(1, 1, Phone.now());
            Waits.awaitPresence(api(), "cmd-quiet", "phone", "online", null, Duration.ofSeconds(10));
            phone.disconnect();
        }
        Waits.awaitPresence(api(), "cmd-quiet", "phone", "offline", null, Duration.ofSeconds(10));
        String lastSeen = api().device("cmd-quiet", "phone").get("presence").get("lastSeen").asString();
        try (Phone cmdTopic = listening("friend", "owntracks/cmd-quiet/phone/cmd")) {
            assertThat(api().send("POST", "/api/v1/devices/cmd-quiet/phone/commands", "{\"action\":\"status\"}").status())
                .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> cmdTopic.received().size() == 1);
        }
        // a message published after the command is stored: the command's echo went through the flow before it
        try (Phone marker = publisher("cmd-marker")) {
            marker.publishLocation("cmd-marker", "phone", 0, 0, Phone.now());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api().device("cmd-marker", "phone") != null);
        JsonNode device = api().device("cmd-quiet", "phone");
        assertThat(device.get("presence").get("state").asString()).isEqualTo("offline");
        assertThat(device.get("presence").get("lastSeen").asString()).isEqualTo(lastSeen);
        assertThat(device.get("transport").asString()).isEqualTo("mqtt");
    }

    @Test
    void statusAndConfigurationDumpAreShownAndTheDumpsRegionsListed() {
        try (Phone phone = phone("cmd-dump", "phone")) {
            phone.publishOn("status", "{\"_type\":\"status\",\"iOS\":{\"locationManager\":{\"authorizationStatus\":\"always\"}}}");
            phone.publishOn("dump", "{\"_type\":\"configuration\",\"mode\":0,\"waypoints\":[{\"_type\":\"waypoint\","
                    + "\"desc\":\"Home\",\"lat\":52.1,\"lon\":13.1,\"rad\":100,\"tst\":1700000000},"
                    + "{\"_type\":\"waypoint\",\"desc\":\"broken\"}]}");
            phone.publishOn("waypoint", "{\"_type\":\"waypoint\",\"desc\":\"Work\",\"lat\":52.2,\"lon\":13.2,\"rad\":50,"
                    + "\"tst\":1700000100}");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode device = api().device("cmd-dump", "phone");
            assertThat(device).isNotNull();
            assertThat(device.get("status").get("iOS").get("locationManager").get("authorizationStatus").asString())
                .isEqualTo("always");
            assertThat(device.get("configuration").get("mode").asInt()).isZero();
            JsonNode regions = api().get("/api/v1/devices/cmd-dump/phone/waypoints");
            assertThat(regions.size()).isEqualTo(2);
            assertThat(regions.get(0).get("desc").asString()).isEqualTo("Home");
            assertThat(regions.get(0).get("rad").asInt()).isEqualTo(100);
            assertThat(regions.get(1).get("desc").asString()).isEqualTo("Work");
        });
        // the list stays light: no status or dump per device there
        for (JsonNode d : api().get("/api/v1/devices?user=cmd-dump")) {
            assertThat(d.get("status").isNull()).isTrue();
        }
    }

    @Test
    void setWaypointsCarriesTheRegions() {
        try (Phone cmdTopic = listening("friend", "owntracks/cmd-wp/phone/cmd");
                Phone phone = phone("cmd-wp", "phone")) {
            phone.publishLocation(1, 1, Phone.now());
            Waits.awaitLastKnown(api(), "cmd-wp", "phone", 1, Duration.ofSeconds(10));
            assertThat(api().send("POST", "/api/v1/devices/cmd-wp/phone/commands", "{\"action\":\"setWaypoints\","
                    + "\"waypoints\":[{\"desc\":\"Gym\",\"lat\":1,\"lon\":2,\"rad\":30,\"tst\":1}]}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(cmdTopic.received()).extracting(Received::topic).containsExactly("owntracks/cmd-wp/phone/cmd");
                JsonNode cmd = JSON.readTree(cmdTopic.received().get(0).payload());
                assertThat(cmd.get("action").asString()).isEqualTo("setWaypoints");
                assertThat(cmd.get("waypoints").get("_type").asString()).isEqualTo("waypoints");
                assertThat(cmd.get("waypoints").get("waypoints").get(0).get("desc").asString()).isEqualTo("Gym");
            });
        }
    }

    @Test
    void clearWaypointsReachesTheDeviceAsABareCmd() {
        assertSentAsIs("cmd-clr", 3, "clearWaypoints", "{\"action\":\"clearWaypoints\"}",
                "{\"_type\":\"cmd\",\"action\":\"clearWaypoints\"}");
    }

    @Test
    void setConfigurationCarriesTheSettingsAsAConfigurationMessage() {
        assertSentAsIs("cmd-conf", 4, "setConfiguration", "{\"action\":\"setConfiguration\","
                + "\"configuration\":{\"locatorInterval\":300,\"monitoring\":2,\"ranging\":true,\"tid\":\"cf\"}}",
                "{\"_type\":\"cmd\",\"action\":\"setConfiguration\",\"configuration\":{\"_type\":\"configuration\","
                        + "\"locatorInterval\":300,\"monitoring\":2,\"ranging\":true,\"tid\":\"cf\"}}");
    }

    /**
     * {@code user}'s online phone gets {@code command} POSTed: answered 202 {@code sent}, published once,
     * not retained, on its {@code cmd} topic as exactly {@code wire}, and listed as sent.
     */
    private void assertSentAsIs(String user, double lat, String action, String command, String wire) {
        String cmd = "owntracks/" + user + "/phone/cmd";
        try (Phone cmdTopic = listening(user, cmd); Phone phone = phone(user, "phone")) {
            phone.publishLocation(lat, lat, Phone.now());
            Waits.awaitLastKnown(api(), user, "phone", lat, Duration.ofSeconds(10));
            Response sent = api().send("POST", "/api/v1/devices/" + user + "/phone/commands", command);
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            assertThat(sent.json().get("action").asString()).isEqualTo(action);
            assertThat(sent.json().get("state").asString()).isEqualTo("sent");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(cmdTopic.received()).extracting(Received::topic).containsExactly(cmd);
                Received received = cmdTopic.received().get(0);
                assertThat(received.retained()).isFalse();
                assertThat(JSON.readTree(received.payload())).isEqualTo(JSON.readTree(wire));
            });
        }
        JsonNode listed = api().get("/api/v1/devices/" + user + "/phone/commands");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("action").asString()).isEqualTo(action);
        assertThat(listed.get(0).get("state").asString()).isEqualTo("sent");
    }

    @Test
    void setConfigurationWithoutASettingsObjectIsABadRequest() {
        try (Phone phone = phone("cmd-conf-bad", "phone")) {
            phone.publishLocation(5, 5, Phone.now());
            Waits.awaitLastKnown(api(), "cmd-conf-bad", "phone", 5, Duration.ofSeconds(10));
        }
        String path = "/api/v1/devices/cmd-conf-bad/phone/commands";
        assertBadRequest(api().send("POST", path, "{\"action\":\"setConfiguration\"}"),
                "setConfiguration: action needs 'configuration'");
        assertBadRequest(api().send("POST", path, "{\"action\":\"setConfiguration\",\"configuration\":null}"),
                "setConfiguration: action needs 'configuration'");
        assertBadRequest(api().send("POST", path, "{\"action\":\"setConfiguration\",\"configuration\":\"mode=3\"}"),
                "setConfiguration: 'configuration' must be a JSON object");
        assertBadRequest(api().send("POST", path, "{\"action\":\"setConfiguration\",\"configuration\":[{\"mode\":3}]}"),
                "setConfiguration: 'configuration' must be a JSON object");
        // refused before it is kept: nothing queued, nothing sent
        assertThat(api().get(path).size()).isZero();
    }

    private static void assertBadRequest(Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }
}
