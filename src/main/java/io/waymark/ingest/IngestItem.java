package io.waymark.ingest;

import io.waymark.ingest.rejected.Rejection;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.RejectionReason;

/** A decoded message on its way to the batch writer: accepted, or rejected with a reason. */
sealed interface IngestItem {

    InboundMessage inbound();

    record Accepted(InboundMessage inbound, ReceivedMessage message) implements IngestItem {
    }

    record Rejected(InboundMessage inbound, RejectionReason reason, String detail) implements IngestItem {

        Rejection rejection() {
            return new Rejection(inbound.topic(), inbound.payload(), inbound.receivedAt(), reason, detail);
        }
    }
}
