package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.OtherMessage;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.RejectionReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The writer's retries and acks, against a store that fails on demand. */
class IngestBatchWriterTest {

    private final Set<String> acked = ConcurrentHashMap.newKeySet();

    private final List<List<IngestItem>> committed = new CopyOnWriteArrayList<>();

    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean databaseDown = new AtomicBoolean();

    private final AtomicInteger attempts = new AtomicInteger();

    private final BatchStore store = batch -> {
        attempts.incrementAndGet();
        if (databaseDown.get()) {
            throw new IllegalStateException("connection refused");
        }
        for (IngestItem item : batch) {
            if (item instanceof IngestItem.Accepted && poisoned.contains(item.inbound().topic())) {
                throw new IllegalStateException("value too long for " + item.inbound().topic());
            }
        }
        committed.add(List.copyOf(batch));
    };

    private final IngestBatchWriter writer = new IngestBatchWriter(
            new IngestProperties(DataSize.ofKilobytes(64), 100, 1000), store,
            new IngestMetrics(new SimpleMeterRegistry()), Duration.ofMillis(10));

    @AfterEach
    void stop() {
        writer.stop();
    }

    @Test
    void batchIsAcknowledgedAfterItIsStored() {
        writer.start();
        writer.submit(item("owntracks/a/phone"));
        writer.submit(item("owntracks/b/phone"));
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 2);
        assertThat(committed.stream().mapToInt(List::size).sum()).isEqualTo(2);
    }

    @Test
    void failingBatchIsRetriedOneByOneAndTheBadMessageKeptAsInternalError() {
        poisoned.add("owntracks/bad/phone");
        // queued before the writer starts, so that all three go in one batch
        writer.submit(item("owntracks/good1/phone"));
        writer.submit(item("owntracks/bad/phone"));
        writer.submit(item("owntracks/good2/phone"));
        writer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 3);
        assertThat(committed).hasSize(3).allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(committed.get(0).get(0)).isInstanceOf(IngestItem.Accepted.class);
        IngestItem.Rejected rejected = (IngestItem.Rejected) committed.get(1).get(0);
        assertThat(rejected.reason()).isEqualTo(RejectionReason.INTERNAL_ERROR);
        assertThat(rejected.detail()).isEqualTo("could not be stored: value too long for owntracks/bad/phone");
        assertThat(rejected.inbound().topic()).isEqualTo("owntracks/bad/phone");
        assertThat(committed.get(2).get(0).inbound().topic()).isEqualTo("owntracks/good2/phone");
    }

    @Test
    void whileTheDatabaseIsDownNothingIsAcknowledgedAndNothingIsLost() {
        databaseDown.set(true);
        writer.start();
        writer.submit(item("owntracks/a/phone"));
        writer.submit(item("owntracks/b/phone"));
        // several retries go by without an ack, and without turning the messages into rejections
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() >= 6);
        assertThat(acked).isEmpty();
        assertThat(committed).isEmpty();
        databaseDown.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 2);
        assertThat(committed).flatMap(batch -> batch).allSatisfy(i -> assertThat(i).isInstanceOf(IngestItem.Accepted.class));
    }

    @Test
    void queueDrainsBeforeTheWriterStops() {
        writer.start();
        for (int i = 0; i < 50; i++) {
            writer.submit(item("owntracks/drain/phone" + i));
        }
        writer.stop();
        assertThat(acked).hasSize(50);
    }

    private IngestItem item(String topic) {
        byte[] payload = "{\"_type\":\"steps\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-11-25T08:00:00Z");
        InboundMessage inbound = new InboundMessage(topic, payload, at, false, () -> acked.add(topic));
        String[] levels = topic.split("/");
        return new IngestItem.Accepted(inbound, new ReceivedMessage(new DeviceId(levels[1], levels[2]),
                new OtherMessage("steps"), topic, payload, at, false));
    }
}
