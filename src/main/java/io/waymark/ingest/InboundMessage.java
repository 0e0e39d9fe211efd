package io.waymark.ingest;

import java.time.Instant;
import java.util.function.Consumer;

import io.waymark.owntracks.Transport;

/**
 * A message as it arrived, before decoding.
 *
 * @param retained a retained replay (not a sign that the device is connected now)
 * @param ack tells the broker the message is safely stored; run only after the commit
 * @param transport how it reached Waymark (MQTT unless the source says otherwise)
 * @param outcome told what became of the message, after the commit
 */
record InboundMessage(String topic, byte[] payload, Instant receivedAt, boolean retained, Runnable ack,
        Transport transport, Consumer<IngestOutcome> outcome) {

    InboundMessage(String topic, byte[] payload, Instant receivedAt, boolean retained, Runnable ack) {
        this(topic, payload, receivedAt, retained, ack, Transport.MQTT, o -> { });
    }
}
