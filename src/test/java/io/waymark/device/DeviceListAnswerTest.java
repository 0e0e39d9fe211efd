package io.waymark.device;

import java.time.Duration;

import io.waymark.account.Viewer;
import io.waymark.cluster.ClusterEventsMissed;
import io.waymark.friends.CurrentViewer;
import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/devices} answered from the cache: after every kind of write it is, byte for
 * byte, what a fresh read would be, serialized as the API always wrote it. The test profile sets
 * {@code waymark.api.device-list-refresh} to an hour, so only the writers' marks can make it so.
 */
class DeviceListAnswerTest extends EmbeddedWaymarkTest {

    private static final String JSON = "application/json";

    @Autowired
    DeviceQueries queries;

    @Autowired
    JsonMapper json;

    @Autowired
    CurrentViewer viewers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aLocationAcknowledgedIsInTheVeryNextAnswer() {
        long tst = Phone.now();
        try (Phone phone = phone("dlist-loc", "phone")) {
            for (int i = 0; i < 3; i++) {
                phone.publishLocation(50 + i, 8, tst + i); // returns on the PUBACK: after the commit
                assertThat(listed("dlist-loc", "phone").get("location").get("tst").asLong()).isEqualTo(tst + i);
            }
        }
    }

    @Test
    void afterLocationsAPresenceChangeACardAndAnErasureTheAnswerIsAFreshReadSerialized() {
        long tst = Phone.now();
        try (Phone eve = phone("dlist-eve", "phone")) {
            eve.publishLocation(52, 10, tst);
        }
        await("eve's clean disconnect in the list").atMost(Duration.ofSeconds(10))
            .until(() -> "offline".equals(listed("dlist-eve", "phone").get("presence").get("state").asString()));
        try (Phone ann = phone("dlist-ann", "phone"); Phone bob = phone("dlist-bob", "phone")) {
            ann.publishLocation(50, 8, tst);
            bob.publishLocation(51, 9, tst);

            assertThat(api().send("PUT", "/api/v1/devices/dlist-ann/phone/card", "{\"name\":\"Ann A.\"}").status())
                .isEqualTo(204);
            assertThat(listed("dlist-ann", "phone").get("name").asString()).isEqualTo("Ann A.");

            assertThat(api().send("DELETE", "/api/v1/users/dlist-eve?erase=true", null).status()).isEqualTo(204);
            assertThat(listed("dlist-eve", "phone")).isNull();

            bob.dropConnection(); // offline (its will, or the lost connection), on the broker's thread
            await("bob offline in the list").atMost(Duration.ofSeconds(10))
                .until(() -> "offline".equals(listed("dlist-bob", "phone").get("presence").get("state").asString()));

            Api annApi = api().as("dlist-ann", Api.passwordOf("dlist-ann"));
            Viewer annViewer = viewers.of("dlist-ann", false);
            await("every answer a fresh read, serialized").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String[] filter : new String[][] { { "dlist-ann", null }, { "dlist-bob", "offline" },
                        { "dlist-ann", "online" }, { "dlist-bob", "online" }, { "dlist-eve", null } }) {
                    String query = "?user=" + filter[0] + (filter[1] == null ? "" : "&state=" + filter[1]);
                    assertThat(api().bytes("/api/v1/devices" + query, JSON)).as(query)
                        .isEqualTo(json.writeValueAsBytes(queries.devices(Viewer.UNRESTRICTED, filter[0], filter[1])));
                }
                assertThat(annApi.bytes("/api/v1/devices?state=online", JSON))
                    .isEqualTo(json.writeValueAsBytes(queries.devices(annViewer, null, "online")));
                assertThat(annApi.bytes("/api/v1/devices", JSON))
                    .isEqualTo(json.writeValueAsBytes(queries.devices(annViewer, null, null)));
                assertThat(api().bytes("/api/v1/devices", JSON))
                    .isEqualTo(json.writeValueAsBytes(queries.devices(Viewer.UNRESTRICTED, null, null)));
            });
        }
    }

    @Test
    void aChangeTheWritersDidNotMarkShowsOnceClusterEventsWereMissed() {
        try (Phone phone = phone("dlist-remote", "phone")) {
            phone.publishLocation(50, 8, Phone.now());
        }
        // settled: the disconnect's presence change is in the list, so no mark of it is still to come
        // (one taken after the UPDATE below would read the row again)
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode d = listed("dlist-remote", "phone");
            return d != null && "offline".equals(d.get("presence").get("state").asString());
        });
        assertThat(listed("dlist-remote", "phone").get("name").asString()).isEqualTo("phone");
        // what another instance would write, its notification lost
        jdbc.sql("UPDATE device SET display_name = 'Renamed elsewhere' WHERE user_name = 'dlist-remote'").update();
        assertThat(listed("dlist-remote", "phone").get("name").asString()).as("cached").isEqualTo("phone");

        events.publishEvent(new ClusterEventsMissed("test"));
        assertThat(listed("dlist-remote", "phone").get("name").asString()).isEqualTo("Renamed elsewhere");
    }

    /** The device as the list shows it, or null when it is not in the list. */
    private JsonNode listed(String user, String device) {
        for (JsonNode d : json.readTree(api().bytes("/api/v1/devices", JSON))) {
            if (d.get("user").asString().equals(user) && d.get("device").asString().equals(device)) {
                return d;
            }
        }
        return null;
    }
}
