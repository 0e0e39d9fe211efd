package io.waymark.ingest;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.EncryptedPayload;
import io.waymark.owntracks.InvalidMessageException;
import io.waymark.owntracks.OwnTracksCodec;
import io.waymark.owntracks.OwnTracksMessage;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.RejectionReason;
import io.waymark.owntracks.Topic;
import org.springframework.stereotype.Component;

/**
 * Turns an inbound message into an accepted OwnTracks message or a rejection; never throws.
 * An encrypted payload is opened with the device's key (its own, else its user's) and the
 * message inside goes on as if it had come plain, remembered as encrypted; without a key it is
 * rejected ({@code encrypted-no-key}), when it cannot be opened ({@code decrypt-failed}); the
 * envelope itself is never accepted as a message.
 */
@Component
class MessageDecoder {

    private final OwnTracksCodec codec = new OwnTracksCodec();

    private final EncryptedPayload encryption;

    private final long maxPayloadBytes;

    MessageDecoder(IngestProperties properties, EncryptedPayload encryption) {
        this.maxPayloadBytes = properties.maxPayloadBytes().toBytes();
        this.encryption = encryption;
    }

    IngestItem decode(InboundMessage inbound) {
        if (inbound.payload().length > maxPayloadBytes) {
            return new IngestItem.Rejected(inbound, RejectionReason.TOO_LARGE, "payload of "
                    + inbound.payload().length + " bytes exceeds waymark.ingest.max-payload-bytes=" + maxPayloadBytes);
        }
        try {
            Topic topic = Topic.parse(inbound.topic());
            DeviceId device = DeviceId.of(topic);
            byte[] payload = inbound.payload();
            OwnTracksMessage message = codec.decode(payload);
            // decoded first: an envelope decodes as its _type, so only one is parsed a second time
            if (EncryptedPayload.isEnvelope(message)) {
                payload = encryption.unwrap(device, payload);
                message = codec.decode(payload);
            }
            boolean encrypted = payload != inbound.payload(); // unwrap hands back the same array for plain JSON
            return new IngestItem.Accepted(inbound, new ReceivedMessage(device, message, inbound.topic(), payload,
                    inbound.receivedAt(), inbound.retained(), inbound.transport(), encrypted));
        }
        catch (InvalidMessageException ex) {
            return new IngestItem.Rejected(inbound, ex.reason(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            return new IngestItem.Rejected(inbound, RejectionReason.INTERNAL_ERROR, String.valueOf(ex));
        }
    }
}
