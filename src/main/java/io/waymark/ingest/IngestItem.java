package io.waymark.ingest;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.OwnTracksMessage;
import io.waymark.owntracks.RejectionReason;

/** A decoded message on its way to the batch writer: accepted, or rejected with a reason. */
sealed interface IngestItem {

    InboundMessage inbound();

    record Accepted(InboundMessage inbound, DeviceId deviceId, OwnTracksMessage message) implements IngestItem {
    }

    record Rejected(InboundMessage inbound, RejectionReason reason, String detail) implements IngestItem {
    }
}
