package io.waymark.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.waymark.config.AfterCommit;
import io.waymark.device.DeviceRegistry;
import io.waymark.ingest.rejected.RejectedMessageStore;
import io.waymark.ingest.rejected.Rejection;
import io.waymark.ingest.rejected.RejectionLog;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.presence.PresenceTracker;
import io.waymark.tracking.TrackingRecorder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands each module its messages inside one transaction: {@code device} first (it creates the
 * rows the others refer to), then {@code tracking} and {@code presence}; rejections are kept
 * here. Each module publishes its own events after the commit; the counters follow it too.
 */
@Component
class ModuleBatchStore implements BatchStore {

    private final DeviceRegistry devices;

    private final TrackingRecorder tracking;

    private final PresenceTracker presence;

    private final RejectedMessageStore rejectedMessages;

    private final RejectionLog rejectionLog;

    private final IngestMetrics metrics;

    private final TransactionOperations transactions;

    ModuleBatchStore(DeviceRegistry devices, TrackingRecorder tracking, PresenceTracker presence,
            RejectedMessageStore rejectedMessages, RejectionLog rejectionLog, IngestMetrics metrics,
            TransactionOperations transactions) {
        this.devices = devices;
        this.tracking = tracking;
        this.presence = presence;
        this.rejectedMessages = rejectedMessages;
        this.rejectionLog = rejectionLog;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    @Override
    public void store(List<IngestItem> batch) {
        List<ReceivedMessage> accepted = new ArrayList<>(batch.size());
        List<Rejection> rejected = new ArrayList<>();
        for (IngestItem item : batch) {
            if (item instanceof IngestItem.Accepted a) {
                accepted.add(a.message());
            }
            else {
                rejected.add(((IngestItem.Rejected) item).rejection());
            }
        }
        transactions.executeWithoutResult(tx -> {
            if (!accepted.isEmpty()) {
                devices.record(accepted);
                // last_seen rides on tracking's last-known UPDATE: one statement per device row
                Map<DeviceId, Instant> lastSeenWritten = tracking.record(accepted, PresenceTracker.lastSeen(accepted));
                presence.record(accepted, lastSeenWritten);
            }
            rejectedMessages.save(rejected);
            AfterCommit.run(() -> count(batch.size(), accepted, rejected));
        });
    }

    private void count(int size, List<ReceivedMessage> accepted, List<Rejection> rejected) {
        metrics.batch(size);
        metrics.committed(accepted);
        for (Rejection r : rejected) {
            metrics.rejected(r.reason().code());
            rejectionLog.log(r);
        }
    }
}
