package io.waymark.transfer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.waymark.ingest.IngestFlowConfiguration;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.InvalidMessageException;
import io.waymark.owntracks.OwnTracksCodec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Feeds an import file's messages to the ingestion flow, a batch at a time, as if a broker
 * replayed them: retained (history is no sign that the device is there now), with an
 * acknowledgment the writer runs after the commit. Waiting for those commits before the next
 * batch is what lets it tell what was new: a batch's keys are looked up in the store before it
 * is sent and again after it is committed; a key that was there before is a duplicate, one
 * that appeared was imported, and one still missing was rejected by the flow.
 */
@Component
class HistoryImporter {

    static final int BATCH_SIZE = 1000;

    private static final Duration COMMIT_TIMEOUT = Duration.ofMinutes(10);

    private final OwnTracksCodec codec = new OwnTracksCodec();

    private final MessageChannel inbound;

    private final StoredKeys stored;

    /** Lazy: the flow registers its inbound channel only when the flow bean itself is processed. */
    HistoryImporter(@Lazy @Qualifier(IngestFlowConfiguration.INBOUND_CHANNEL) MessageChannel inbound,
            StoredKeys stored) {
        this.inbound = inbound;
        this.stored = stored;
    }

    /**
     * Imports everything {@code source} holds for {@code device} into {@code tally};
     * {@code afterBatch} runs after each committed batch (progress).
     */
    void importFrom(DeviceId device, ImportSource source, ImportTally tally, Runnable afterBatch) throws IOException {
        String topic = "owntracks/" + device.user() + "/" + device.device();
        List<Pending> batch = new ArrayList<>(BATCH_SIZE);
        for (ImportLine line = source.next(); line != null; line = source.next()) {
            if (line.error() != null) {
                tally.rejected(line.line(), line.error());
                continue;
            }
            HistoryKey key;
            try {
                key = HistoryKey.of(codec.decode(line.payload()));
            }
            catch (InvalidMessageException ex) {
                tally.rejected(line.line(), ex.reason().code() + ": " + ex.getMessage());
                continue;
            }
            if (key == null) {
                tally.skipped();
                continue;
            }
            batch.add(new Pending(line.line(), line.payload(), key));
            if (batch.size() == BATCH_SIZE) {
                store(device, topic, batch, tally);
                batch.clear();
                afterBatch.run();
            }
        }
        if (!batch.isEmpty()) {
            store(device, topic, batch, tally);
        }
        afterBatch.run();
    }

    private void store(DeviceId device, String topic, List<Pending> batch, ImportTally tally) {
        List<HistoryKey> keys = batch.stream().map(Pending::key).toList();
        Set<HistoryKey> before = stored.present(device, keys);
        CountDownLatch committed = new CountDownLatch(batch.size());
        SimpleAcknowledgment ack = committed::countDown;
        for (Pending p : batch) {
            inbound.send(MessageBuilder.withPayload(p.payload())
                .setHeader(MqttHeaders.RECEIVED_TOPIC, topic)
                .setHeader(MqttHeaders.RECEIVED_RETAINED, true)
                .setHeader(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, ack)
                .build());
        }
        awaitCommit(committed);
        Set<HistoryKey> after = stored.present(device, keys);
        Set<HistoryKey> counted = new HashSet<>();
        for (Pending p : batch) {
            if (before.contains(p.key()) || !counted.add(p.key())) {
                tally.duplicate();
            }
            else if (after.contains(p.key())) {
                tally.imported();
            }
            else {
                tally.rejected(p.line(), "not stored by the ingestion flow (see /api/v1/rejected)");
            }
        }
    }

    private static void awaitCommit(CountDownLatch committed) {
        try {
            if (!committed.await(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("An import batch was not committed within " + COMMIT_TIMEOUT
                        + "; is the database reachable?");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an import batch to be stored", ex);
        }
    }

    private record Pending(long line, byte[] payload, HistoryKey key) {
    }
}
