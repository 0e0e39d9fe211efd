package io.waymark.ingest.rejected;

import java.time.Instant;

import io.waymark.owntracks.RejectionReason;

/** A message that was not accepted, on its way to being kept. */
public record Rejection(String topic, byte[] payload, Instant receivedAt, RejectionReason reason, String detail) {
}
