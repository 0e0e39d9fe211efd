package io.waymark.config;

import java.time.Duration;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.Waits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} carries the ingest, presence and HTTP figures, and not Spring Security's. */
class PrometheusMetricsTest extends EmbeddedWaymarkTest {

    @Test
    void scrapeHasIngestPresenceAndHttpMetrics() {
        try (Phone phone = phone("promuser", "phone")) {
            phone.publishLocation(12.5, 7.25, Phone.now());
        }
        Waits.awaitLastKnown(api(), "promuser", "phone", 12.5, Duration.ofSeconds(10));

        Api.Response scrape = api().call("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        String text = scrape.body();
        assertThat(text).containsPattern("waymark_messages_received_total\\{type=\"location\"\\} [1-9]");
        assertThat(text).containsPattern("waymark_messages_stored_total\\{type=\"location\"\\} [1-9]");
        assertThat(text).containsPattern("waymark_ingest_batch_size_count [1-9]");
        assertThat(text).containsPattern("waymark_ingest_commit_seconds_count [1-9]");
        assertThat(text).containsPattern("waymark_ingest_queue_depth \\d");
        assertThat(text).containsPattern("waymark_presence_devices\\{state=\"online\"\\} \\d");
        assertThat(text).containsPattern("waymark_presence_devices\\{state=\"offline\"\\} \\d");
        assertThat(text).contains("http_server_requests_seconds_count{");
        // Spring Security's per-filter observations are off (WebSecurityConfiguration): the scrape's
        // authenticated requests above would have made them
        assertThat(text).doesNotContain("spring_security_");
    }
}
