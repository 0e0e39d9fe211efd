package io.waymark.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.waymark.account.Viewer;
import io.waymark.friends.CurrentViewer;
import io.waymark.owntracks.DeviceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** The device endpoints alone: parameters, views and problems, on a mocked read side. */
@WebMvcTest(DeviceController.class)
class DeviceControllerTest {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private DeviceQueries devices;

    @MockitoBean
    private DeviceListCache list;

    @Autowired
    private JsonMapper json;

    /** The slice has no security: the caller may see everything. */
    @MockitoBean
    private CurrentViewer viewer;

    @BeforeEach
    void everythingIsVisible() {
        given(viewer.get()).willReturn(Viewer.UNRESTRICTED);
    }

    private static final DeviceView JANE = new DeviceView("jane", "phone", "ne", "phone",
            new PresenceView("online", Instant.parse("2026-11-25T08:00:00Z"), Instant.parse("2026-11-25T08:05:00Z"),
                    "connect"),
            null);

    @Test
    void listsDevicesFilteredByUserAndState() {
        given(list.current()).willReturn(DeviceListSnapshot.of(List.of(JANE), json::writeValueAsBytes, 0, Instant.now()));
        assertThat(mvc.get().uri("/api/v1/devices?user=jane&state=offline")).hasStatusOk().bodyText().isEqualTo("[]");
        assertThat(mvc.get().uri("/api/v1/devices?user=joe&state=online")).hasStatusOk().bodyText().isEqualTo("[]");
        assertThat(mvc.get().uri("/api/v1/devices?user=jane&state=online")).hasStatusOk()
            .hasContentType(MediaType.APPLICATION_JSON)
            .bodyJson()
            .hasPathSatisfying("$[0].tid", tid -> assertThat(tid).asString().isEqualTo("ne"))
            .hasPathSatisfying("$[0].presence.since", t -> assertThat(t).asString().isEqualTo("2026-11-25T08:00:00Z"))
            .hasPathSatisfying("$[0].presence.reason", r -> assertThat(r).asString().isEqualTo("connect"));
    }

    @Test
    void unknownStateIsABadRequestNamingTheParameter() {
        assertThat(mvc.get().uri("/api/v1/devices?state=asleep")).hasStatus(400)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .hasPathSatisfying("$.detail", d -> assertThat(d).asString()
                .isEqualTo("'state' must be 'online' or 'offline', got 'asleep'"));
    }

    @Test
    void unknownDeviceIsNotFound() {
        given(devices.device(Viewer.UNRESTRICTED, new DeviceId("nobody", "none"))).willReturn(Optional.empty());
        assertThat(mvc.get().uri("/api/v1/devices/nobody/none")).hasStatus(404)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .hasPathSatisfying("$.detail", d -> assertThat(d).asString().isEqualTo("device 'nobody/none' is unknown"));
    }

    @Test
    void knownDeviceIsShown() {
        given(devices.device(Viewer.UNRESTRICTED, new DeviceId("jane", "phone"))).willReturn(Optional.of(JANE));
        assertThat(mvc.get().uri("/api/v1/devices/jane/phone")).hasStatusOk()
            .bodyJson()
            .hasPathSatisfying("$.presence.state", s -> assertThat(s).asString().isEqualTo("online"))
            .hasPathSatisfying("$.location", l -> assertThat(l).isNull());
    }
}
