package io.waymark.ingest.rejected;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest(RejectedMessageController.class)
class RejectedMessageControllerTest {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private RejectedMessageStore store;

    @Test
    void newestHundredByDefault() {
        given(store.newest(100)).willReturn(List.of(new RejectedMessage(7, "owntracks/a/b", "[1]", "text", 3,
                "not-an-object", "not an object", Instant.parse("2026-11-25T08:00:00Z"))));
        assertThat(mvc.get().uri("/api/v1/rejected")).hasStatusOk()
            .bodyJson()
            .hasPathSatisfying("$[0].reason", r -> assertThat(r).asString().isEqualTo("not-an-object"))
            .hasPathSatisfying("$[0].payloadEncoding", e -> assertThat(e).asString().isEqualTo("text"));
    }

    @Test
    void limitAboveTenThousandIsAProblem() {
        assertThat(mvc.get().uri("/api/v1/rejected?limit=10001")).hasStatus(400)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .hasPathSatisfying("$.detail",
                    d -> assertThat(d).asString().isEqualTo("'limit' must be less than or equal to 10000, got '10001'"));
    }
}
