package io.waymark.ingest;

import java.time.Instant;

/**
 * A message as it arrived, before decoding.
 *
 * @param retained a retained replay (not a sign that the device is connected now)
 * @param ack tells the broker the message is safely stored; run only after the commit
 */
record InboundMessage(String topic, byte[] payload, Instant receivedAt, boolean retained, Runnable ack) {
}
