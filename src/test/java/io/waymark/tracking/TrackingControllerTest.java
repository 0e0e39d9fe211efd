package io.waymark.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceQueries;
import io.waymark.device.LocationView;
import io.waymark.friends.CurrentViewer;
import io.waymark.owntracks.DeviceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** The history endpoints alone: time windows in both notations, limits and their problems. */
@WebMvcTest(TrackingController.class)
class TrackingControllerTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static final DeviceId JANE = new DeviceId("jane", "phone");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private TrackingQueries tracking;

    @MockitoBean
    private DeviceQueries devices;

    /** The slice has no security: the caller may see everything. */
    @MockitoBean
    private CurrentViewer viewer;

    @BeforeEach
    void everythingIsVisible() {
        given(viewer.get()).willReturn(Viewer.UNRESTRICTED);
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void defaultWindowIsTheLast24Hours() {
        given(devices.known(Viewer.UNRESTRICTED, "jane", "phone")).willReturn(JANE);
        long to = NOW.getEpochSecond();
        given(tracking.locations(JANE, to - 86_400, to, null)).willReturn(List.of(fix(to - 60)));
        assertThat(mvc.get().uri("/api/v1/devices/jane/phone/locations")).hasStatusOk()
            .bodyJson()
            .hasPathSatisfying("$[0].tst", t -> assertThat(t).asNumber().isEqualTo((int) (to - 60)))
            .hasPathSatisfying("$[0].time", t -> assertThat(t).asString().isEqualTo("2026-11-25T11:59:00Z"));
    }

    @Test
    void fromAndToTakeIsoInstantsAndEpochSeconds() {
        given(devices.known(Viewer.UNRESTRICTED, "jane", "phone")).willReturn(JANE);
        given(tracking.locations(JANE, 1_700_000_000L, Instant.parse("2026-11-25T08:00:00Z").getEpochSecond(), 5))
            .willReturn(List.of(fix(1_700_000_000L)));
        assertThat(mvc.get().uri("/api/v1/devices/jane/phone/locations?from=1700000000&to=2026-11-25T08:00:00Z&limit=5"))
            .hasStatusOk()
            .bodyJson()
            .hasPathSatisfying("$[0].tst", t -> assertThat(t).asNumber().isEqualTo(1_700_000_000));
    }

    @Test
    void badFromIsAProblemSayingWhatIsExpected() {
        assertProblem("/api/v1/devices/jane/phone/locations?from=yesterday", "'from' must be an ISO-8601 instant"
                + " (e.g. 2026-11-25T08:00:00Z) or epoch seconds, got 'yesterday'");
    }

    @Test
    void limitOutOfRangeIsAProblem() {
        assertProblem("/api/v1/devices/jane/phone/locations?limit=0", "'limit' must be greater than 0, got '0'");
        assertProblem("/api/v1/devices/jane/phone/transitions?limit=100001",
                "'limit' must be less than or equal to 100000, got '100001'");
        assertProblem("/api/v1/devices/jane/phone/locations?limit=ten", "'limit' must be a whole number, got 'ten'");
    }

    @Test
    void fromAfterToIsAProblem() {
        given(devices.known(Viewer.UNRESTRICTED, "jane", "phone")).willReturn(JANE);
        assertProblem("/api/v1/devices/jane/phone/locations?from=20&to=10",
                "'from' (1970-01-01T00:00:20Z) is after 'to' (1970-01-01T00:00:10Z)");
    }

    private void assertProblem(String uri, String detail) {
        assertThat(mvc.get().uri(uri)).hasStatus(400)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .hasPathSatisfying("$.detail", d -> assertThat(d).asString().isEqualTo(detail));
    }

    private static LocationView fix(long tst) {
        return new LocationView(52.5, 13.4, 10, null, null, null, 80, 1, "w", tst, Instant.ofEpochSecond(tst),
                Instant.ofEpochSecond(tst + 1), List.of());
    }
}
