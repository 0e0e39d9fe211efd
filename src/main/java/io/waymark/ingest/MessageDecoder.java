package io.waymark.ingest;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.InvalidMessageException;
import io.waymark.owntracks.OwnTracksCodec;
import io.waymark.owntracks.RejectionReason;
import io.waymark.owntracks.Topic;
import org.springframework.stereotype.Component;

/** Turns an inbound message into an accepted OwnTracks message or a rejection; never throws. */
@Component
class MessageDecoder {

    private final OwnTracksCodec codec = new OwnTracksCodec();

    private final long maxPayloadBytes;

    MessageDecoder(IngestProperties properties) {
        this.maxPayloadBytes = properties.maxPayloadBytes().toBytes();
    }

    IngestItem decode(InboundMessage inbound) {
        if (inbound.payload().length > maxPayloadBytes) {
            return new IngestItem.Rejected(inbound, RejectionReason.TOO_LARGE, "payload of "
                    + inbound.payload().length + " bytes exceeds waymark.ingest.max-payload-bytes=" + maxPayloadBytes);
        }
        try {
            Topic topic = Topic.parse(inbound.topic());
            return new IngestItem.Accepted(inbound, DeviceId.of(topic), codec.decode(inbound.payload()));
        }
        catch (InvalidMessageException ex) {
            return new IngestItem.Rejected(inbound, ex.reason(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            return new IngestItem.Rejected(inbound, RejectionReason.INTERNAL_ERROR, String.valueOf(ex));
        }
    }
}
