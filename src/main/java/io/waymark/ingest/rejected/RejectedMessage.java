package io.waymark.ingest.rejected;

import java.time.Instant;

/**
 * A kept rejection, as the API shows it.
 *
 * @param payload the payload as UTF-8 text, or base64 when it is not valid UTF-8 ({@code payloadEncoding})
 * @param payloadSize the size of the payload as received (what is kept may be truncated)
 */
record RejectedMessage(long id, String topic, String payload, String payloadEncoding, int payloadSize, String reason,
        String detail, Instant receivedAt) {
}
