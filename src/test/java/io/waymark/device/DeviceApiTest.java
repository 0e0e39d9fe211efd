package io.waymark.device;

import java.time.Duration;
import java.time.Instant;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.Waits;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The REST API's filters, time windows, limits and errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceApiTest extends EmbeddedWaymarkTest {

    static final long BASE = Phone.now() - 3 * 3600;


    @BeforeAll
    void publishTrack() {
        try (Phone phone = phone("apiuser", "phone")) {
            for (int i = 0; i < 10; i++) {
                phone.publishLocation(45 + i * 0.01, 7, BASE + i * 600L); // one fix every 10 minutes
            }
        }
        try (Phone other = phone("apiother", "phone")) {
            other.publishLocation(1, 1, Phone.now());
        }
        Waits.awaitLastKnownTst(api(), "apiuser", "phone", BASE + 9 * 600L, Duration.ofSeconds(10));
        Waits.awaitLastKnown(api(), "apiother", "phone", 1, Duration.ofSeconds(10));
    }

    @Test
    void devicesCanBeFilteredByUser() {
        JsonNode devices = api().get("/api/v1/devices?user=apiuser");
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).get("user").asString()).isEqualTo("apiuser");
        assertThat(devices.get(0).get("device").asString()).isEqualTo("phone");
        assertThat(devices.get(0).get("tid").asString()).isEqualTo("ph");
        assertThat(devices.get(0).get("presence").has("lastSeen")).isTrue();
    }

    @Test
    void devicesCanBeFilteredByState() {
        // both phones disconnected cleanly: offline
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().get("/api/v1/devices?user=apiuser&state=offline").size() == 1);
        assertThat(api().get("/api/v1/devices?user=apiuser&state=online")).isEmpty();
    }

    @Test
    void locationsInAWindowAreOldestFirst() {
        JsonNode all = api().get("/api/v1/devices/apiuser/phone/locations?from=" + BASE + "&to=" + (BASE + 5400));
        assertThat(all).hasSize(10);
        assertThat(all.get(0).get("tst").asLong()).isEqualTo(BASE);
        assertThat(all.get(9).get("tst").asLong()).isEqualTo(BASE + 5400);
        String from = Instant.ofEpochSecond(BASE + 600).toString();
        String to = Instant.ofEpochSecond(BASE + 1800).toString();
        JsonNode window = api().get("/api/v1/devices/apiuser/phone/locations?from=" + from + "&to=" + to);
        assertThat(window).extracting(l -> l.get("tst").asLong())
            .containsExactly(BASE + 600, BASE + 1200, BASE + 1800);
    }

    @Test
    void limitReturnsTheNewestOldestFirst() {
        JsonNode newest = api().get("/api/v1/devices/apiuser/phone/locations?from=0&limit=3");
        assertThat(newest).extracting(l -> l.get("tst").asLong())
            .containsExactly(BASE + 7 * 600L, BASE + 8 * 600L, BASE + 9 * 600L);
    }

    @Test
    void defaultWindowIsTheLast24Hours() {
        try (Phone phone = phone("apiold", "phone")) {
            phone.publishLocation(1, 1, Phone.now() - 48 * 3600).publishLocation(2, 2, Phone.now() - 3600);
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api().get("/api/v1/devices/apiold/phone/locations?from=0").size() == 2);
        assertThat(api().get("/api/v1/devices/apiold/phone/locations")).hasSize(1);
    }

    @Test
    void badFromIsAProblem() {
        assertProblem("/api/v1/devices/apiuser/phone/locations?from=yesterday", 400, "'from'");
    }

    @Test
    void nonPositiveLimitIsAProblem() {
        assertProblem("/api/v1/devices/apiuser/phone/locations?limit=0", 400, "'limit'");
        assertProblem("/api/v1/devices/apiuser/phone/locations?limit=ten", 400, "'limit'");
    }

    @Test
    void fromAfterToIsAProblem() {
        assertProblem("/api/v1/devices/apiuser/phone/locations?from=" + (BASE + 10) + "&to=" + BASE, 400, "after");
    }

    @Test
    void unknownStateFilterIsAProblem() {
        assertProblem("/api/v1/devices?state=asleep", 400, "'state'");
    }

    @Test
    void unknownDeviceIsAProblem() {
        assertProblem("/api/v1/devices/nobody/none", 404, "nobody/none");
        assertProblem("/api/v1/devices/nobody/none/locations", 404, "unknown");
        assertProblem("/api/v1/devices/nobody/none/transitions", 404, "unknown");
    }

    @Test
    void rejectedLimitMustBePositive() {
        assertProblem("/api/v1/rejected?limit=-1", 400, "'limit'");
    }

    private void assertProblem(String path, int status, String detailContains) {
        Api.Response response = api().call(path);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detailContains);
    }
}
