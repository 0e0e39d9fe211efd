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

    @Test
    void locationsWrittenArePatchedInAsAReadOfTheRowWouldShowThem() {
        long tst = Phone.now();
        String user = "dlist-patch";
        try (Phone phone = phone(user, "phone")) {
            phone.publishLocation(50, 8, tst - 10); // creates the row: read, as a new device is
            assertThat(listed(user, "phone").get("location").get("tst").asLong()).isEqualTo(tst - 10);
            // what a location writes and what it keeps, in turn: a tid and regions; no tid, nulls;
            // an older fix, which changes nothing; one through HTTP mode
            phone.publish("{\"_type\":\"location\",\"lat\":50.123456789,\"lon\":-8.5,\"tst\":" + (tst - 9)
                    + ",\"acc\":5,\"alt\":120,\"vel\":3,\"cog\":270,\"batt\":64,\"bs\":2,\"conn\":\"m\","
                    + "\"tid\":\"pt\",\"inregions\":[\"home\",\"work\"]}");
            assertThat(answer(user)).isEqualTo(freshRead(user));
            phone.publish("{\"_type\":\"location\",\"lat\":51,\"lon\":9,\"tst\":" + (tst - 8) + "}");
            assertThat(answer(user)).isEqualTo(freshRead(user));
            assertThat(listed(user, "phone").get("tid").asString()).isEqualTo("pt");
            phone.publishLocation(49, 7, tst - 20);
            assertThat(listed(user, "phone").get("location").get("tst").asLong()).isEqualTo(tst - 8);
            assertThat(answer(user)).isEqualTo(freshRead(user));
            assertThat(api().pub(user, "phone", Phone.location(52, 10, tst - 7)).status()).isEqualTo(200);
            await("the transport's change, marked").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(answer(user)).isEqualTo(freshRead(user)));
            assertThat(listed(user, "phone").get("transport").asString()).isEqualTo("http");

            // proof that a location is patched in, not read: a change nobody marked stays unseen
            assertThat(api().pub(user, "phone", Phone.location(53, 11, tst - 6)).status()).isEqualTo(200);
            assertThat(answer(user)).isEqualTo(freshRead(user));
            jdbc.sql("UPDATE device SET display_name = 'Unmarked' WHERE user_name = ?").param(user).update();
            assertThat(api().pub(user, "phone", Phone.location(54, 12, tst - 5)).status()).isEqualTo(200);
            JsonNode shown = listed(user, "phone");
            assertThat(shown.get("location").get("tst").asLong()).isEqualTo(tst - 5);
            assertThat(shown.get("name").asString()).as("the row was not read again").isEqualTo("phone");
        }
    }

    private byte[] answer(String user) {
        return api().bytes("/api/v1/devices?user=" + user, JSON);
    }

    private byte[] freshRead(String user) {
        return json.writeValueAsBytes(queries.devices(Viewer.UNRESTRICTED, user, null));
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
