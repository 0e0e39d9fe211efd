package io.waymark.ingest;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.RejectionReason;

/**
 * What became of one message, told after the commit to a source that asked for it (header
 * {@link IngestFlowConfiguration#OUTCOME_CALLBACK}): HTTP mode answers the phone from it.
 */
public sealed interface IngestOutcome {

    /** Committed: stored, or accepted and ignored by type. */
    record Stored(DeviceId deviceId, String type) implements IngestOutcome {
    }

    /** Kept in {@code /api/v1/rejected} with this reason. */
    record Rejected(RejectionReason reason, String detail) implements IngestOutcome {
    }

    /** Waymark's own publication coming back from the broker: neither stored nor rejected. */
    record OwnEcho() implements IngestOutcome {
    }
}
