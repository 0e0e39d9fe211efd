package io.waymark.account;

import java.time.OffsetDateTime;
import java.util.List;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DELETE /api/v1/users/{username}?erase=true}: a real erase, checked in the database. */
class UserEraseTest extends EmbeddedWaymarkTest {

    private static final List<String> USER_TABLES = List.of("device", "device_report", "location", "presence_event",
            "region_transition", "waypoint", "friend_group_member");

    @Autowired
    JdbcClient jdbc;

    @Test
    void eraseDeletesEveryRowOfTheUserAndNothingElse() {
        create("erin");
        Api erin = api().as("erin", "erin-password");
        erin.send("POST", "/api/v1/tokens", "{\"name\":\"script\"}");
        for (String user : List.of("erin", "erinx")) {
            insertData(user);
        }
        insertRejected("owntracks/erin/phone");
        insertRejected("/other-prefix/erin/watch/event");
        insertRejected("owntracks/erinx/phone");
        insertRejected("owntracks/erin"); // too short to be valid, still erin's
        assertThat(rows("device", "erin")).isEqualTo(1);

        assertThat(api().send("DELETE", "/api/v1/users/erin?erase=true", null).status()).isEqualTo(204);

        for (String table : USER_TABLES) {
            assertThat(rows(table, "erin")).as(table).isZero();
            assertThat(rows(table, "erinx")).as(table + " of another user").isOne();
        }
        assertThat(jdbc.sql("SELECT topic FROM rejected_message WHERE topic LIKE '%erin%'").query(String.class).list())
            .containsExactly("owntracks/erinx/phone");
        assertThat(rows("account", "erin")).isZero();
        assertThat(rows("api_token", "erin")).isZero();
        assertThat(erin.call("/api/v1/devices").status()).isEqualTo(401);
    }

    @Test
    void deletingWithoutEraseKeepsTheDataButNotTheLogin() {
        create("kim");
        insertData("kim");
        assertThat(api().send("DELETE", "/api/v1/users/kim", null).status()).isEqualTo(204);
        assertThat(rows("account", "kim")).isZero();
        assertThat(rows("location", "kim")).isOne();
        assertThat(api().as("kim", "kim-password").call("/api/v1/devices").status()).isEqualTo(401);

        // the data of a name without an account (e.g. from before it had one) can still be erased
        assertThat(api().send("DELETE", "/api/v1/users/kim", null).status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/v1/users/kim?erase=true", null).status()).isEqualTo(204);
        assertThat(rows("location", "kim")).isZero();
    }

    /** Waymark remembers which devices have a row; an erase must make it forget the user's. */
    @Test
    void aDeviceThatPublishesAgainAfterItsUserWasErasedIsListedAgain() {
        assertThat(api().pub("dana", "phone", Phone.location(48.1, 11.5, 1_700_000_000)).status()).isEqualTo(200);
        assertThat(api().device("dana", "phone")).isNotNull();

        assertThat(api().send("DELETE", "/api/v1/users/dana?erase=true", null).status()).isEqualTo(204);
        assertThat(api().device("dana", "phone")).isNull();

        // the same name again (pub creates the account anew), the same phone
        assertThat(api().pub("dana", "phone", Phone.location(48.2, 11.6, 1_700_000_100)).status()).isEqualTo(200);
        JsonNode device = api().device("dana", "phone");
        assertThat(device).as("dana/phone listed again").isNotNull();
        assertThat(device.get("location").get("tst").asLong()).isEqualTo(1_700_000_100);
        assertThat(device.get("transport").asString()).as("the transport written again").isEqualTo("http");
        assertThat(device.get("presence").toString()).as("presence written again").contains("\"state\":\"online\"");
        assertThat(rows("device", "dana")).isOne();
    }

    private void create(String name) {
        assertThat(api().send("POST", "/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\"}")
            .status()).isEqualTo(201);
    }

    private void insertData(String user) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO device (user_name, device_name, display_name) VALUES (:u, 'phone', 'card')").param("u", user).update();
        jdbc.sql("INSERT INTO device_report (user_name, device_name, face, status_json) VALUES (:u, 'phone', 'iVBORw0KGgo=', '{}')")
            .param("u", user).update();
        jdbc.sql("INSERT INTO location (id, user_name, device_name, tst, lat, lon, received_at, topic, raw_json)"
                + " SELECT id * 17179869184 + 1, user_name, device_name, 1, 1.0, 2.0, :at, :topic, '{}' FROM device"
                + " WHERE user_name = :u AND device_name = 'phone'")
            .param("u", user).param("at", now).param("topic", "owntracks/" + user + "/phone").update();
        jdbc.sql("INSERT INTO presence_event (user_name, device_name, state, reason, at) VALUES (:u, 'phone', 'online', 'message', :at)")
            .param("u", user).param("at", now).update();
        jdbc.sql("INSERT INTO region_transition (user_name, device_name, event, region_key, tst, received_at, raw_json)"
                + " VALUES (:u, 'phone', 'enter', 'home', 1, :at, '{}')")
            .param("u", user).param("at", now).update();
        jdbc.sql("INSERT INTO waypoint (user_name, device_name, tst, received_at) VALUES (:u, 'phone', 1, :at)")
            .param("u", user).param("at", now).update();
        jdbc.sql("MERGE INTO friend_group (name) KEY (name) VALUES ('erase-test')").update();
        jdbc.sql("INSERT INTO friend_group_member (group_name, user_name) VALUES ('erase-test', :u)").param("u", user).update();
    }

    private void insertRejected(String topic) {
        jdbc.sql("INSERT INTO rejected_message (topic, payload, payload_encoding, payload_size, reason, detail, received_at)"
                + " VALUES (:topic, 'x', 'utf8', 1, 'bad-json', 'test', :at)")
            .param("topic", topic).param("at", OffsetDateTime.now()).update();
    }

    private long rows(String table, String user) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_name = :u").param("u", user).query(Long.class).single();
    }
}
