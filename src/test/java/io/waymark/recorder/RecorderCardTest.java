package io.waymark.recorder;

import java.time.Duration;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/0/last} carries the card's {@code name} and {@code face}, as the Frontend shows them. */
class RecorderCardTest extends EmbeddedWaymarkTest {

    /** A 1×1 PNG, as base64 in a card. */
    private static final String FACE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";

    @Test
    void lastHasTheCardsNameAndFace() {
        long tst = Phone.now();
        try (Phone phone = phone("cardie", "phone")) {
            phone.publish("{\"_type\":\"card\",\"name\":\"Cora Die\",\"face\":\"" + FACE + "\",\"tid\":\"cd\"}");
            phone.publishLocation(47.5, 8.5, tst);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode last = api().get("/api/0/last?user=cardie&device=phone");
            assertThat(last).hasSize(1);
            assertThat(last.get(0).get("tst").asLong()).isEqualTo(tst);
            assertThat(last.get(0).path("name").asString()).isEqualTo("Cora Die");
            assertThat(last.get(0).path("face").asString()).isEqualTo(FACE);
        });
    }
}
