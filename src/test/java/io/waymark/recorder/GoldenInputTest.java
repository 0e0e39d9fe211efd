package io.waymark.recorder;

import java.time.Duration;

import io.waymark.broker.EmbeddedBroker;
import io.waymark.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the tests that hold {@code /api/0} to the golden answers: one application with a
 * database of its own, so that the users and devices are exactly those of {@code input.jsonl},
 * which each test class publishes once (publishing it again changes nothing).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:recorder-golden;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoldenInputTest {

    @Autowired
    private EmbeddedBroker broker;

    @LocalServerPort
    private int port;

    RecorderHttp http;

    @BeforeAll
    void publishTheGoldenInput() {
        http = new RecorderHttp(port);
        RecorderGolden.publishInput(broker.localUrl(), new Api(port));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode last = http.get("/api/0/last?user=jane&device=phone").ok();
            assertThat(last).hasSize(1);
            assertThat(last.get(0).path("tst").asLong()).isEqualTo(1795500120L);
            assertThat(last.get(0).path("name").asString()).isEqualTo("Jane Doe");
            assertThat(http.get("/api/0/last").ok()).hasSize(3);
        });
    }
}
