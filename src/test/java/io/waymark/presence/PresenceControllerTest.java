package io.waymark.presence;

import java.time.Instant;
import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceQueries;
import io.waymark.friends.CurrentViewer;
import io.waymark.owntracks.DeviceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest(PresenceController.class)
class PresenceControllerTest {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private PresenceHistory history;

    @MockitoBean
    private DeviceQueries devices;

    /** The slice has no security: the caller may see everything. */
    @MockitoBean
    private CurrentViewer viewer;

    @BeforeEach
    void everythingIsVisible() {
        given(viewer.get()).willReturn(Viewer.UNRESTRICTED);
    }

    @Test
    void presenceChangesDefaultToTheNewestThousand() {
        DeviceId jane = new DeviceId("jane", "phone");
        given(devices.known(Viewer.UNRESTRICTED, "jane", "phone")).willReturn(jane);
        given(history.events(jane, 1000)).willReturn(
                List.of(new PresenceEventView("offline", "lwt", Instant.parse("2026-11-25T08:00:00Z"))));
        assertThat(mvc.get().uri("/api/v1/devices/jane/phone/presence")).hasStatusOk()
            .bodyJson()
            .hasPathSatisfying("$[0].reason", r -> assertThat(r).asString().isEqualTo("lwt"))
            .hasPathSatisfying("$[0].at", a -> assertThat(a).asString().isEqualTo("2026-11-25T08:00:00Z"));
    }

    @Test
    void negativeLimitIsAProblem() {
        assertThat(mvc.get().uri("/api/v1/devices/jane/phone/presence?limit=-1")).hasStatus(400)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .hasPathSatisfying("$.detail", d -> assertThat(d).asString().isEqualTo("'limit' must be greater than 0, got '-1'"));
    }
}
