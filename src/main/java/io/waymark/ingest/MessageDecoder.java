package io.waymark.ingest;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.InvalidMessageException;
import io.waymark.owntracks.OtherMessage;
import io.waymark.owntracks.OwnTracksCodec;
import io.waymark.owntracks.OwnTracksMessage;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.RejectionReason;
import io.waymark.owntracks.Topic;
import org.springframework.stereotype.Component;

/**
 * Turns an inbound message into an accepted OwnTracks message or a rejection; never throws.
 * An encrypted payload is rejected ({@code encrypted-no-key}) so that it is kept and counted.
 */
@Component
class MessageDecoder {

    private static final String ENCRYPTED = "encrypted";

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
            OwnTracksMessage message = codec.decode(inbound.payload());
            if (message instanceof OtherMessage other && ENCRYPTED.equals(other.type())) {
                // kept, not dropped: until Waymark can decrypt, this is where the phone's data is
                return new IngestItem.Rejected(inbound, RejectionReason.ENCRYPTED_NO_KEY,
                        "encrypted payload and no key to decrypt it");
            }
            return new IngestItem.Accepted(inbound, new ReceivedMessage(DeviceId.of(topic), message, inbound.topic(),
                    inbound.payload(), inbound.receivedAt(), inbound.retained()));
        }
        catch (InvalidMessageException ex) {
            return new IngestItem.Rejected(inbound, ex.reason(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            return new IngestItem.Rejected(inbound, RejectionReason.INTERNAL_ERROR, String.valueOf(ex));
        }
    }
}
