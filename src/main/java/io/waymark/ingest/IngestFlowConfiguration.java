package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;

import io.waymark.owntracks.RejectionReason;
import io.waymark.owntracks.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;

/**
 * The ingestion flow every source feeds: inbound channel → drop own echoes → decode → batch writer.
 * <p>
 * A source (an MQTT adapter, the embedded broker, HTTP mode) sends Spring messages to
 * {@link #INBOUND_CHANNEL} with the payload as {@code byte[]} (or {@code String}) and the headers
 * {@link MqttHeaders#RECEIVED_TOPIC}, optionally {@link MqttHeaders#RECEIVED_RETAINED} and an
 * {@link IntegrationMessageHeaderAccessor#ACKNOWLEDGMENT_CALLBACK} that the writer runs once the
 * message is committed. A source that needs more sets {@link #TRANSPORT} (how the message came,
 * MQTT when absent) and {@link #OUTCOME_CALLBACK} (told after the commit whether the message was
 * stored or rejected). Failures outside the decoder go to {@link #ERROR_CHANNEL}.
 * <p>
 * Waymark's own MQTT publications ({@link OwnPublications}) coming back through its subscription
 * are acknowledged and dropped before decoding.
 */
@Configuration(proxyBeanMethods = false)
public class IngestFlowConfiguration {

    /**
     * Where sources send what they receive. The flow starts from this channel rather than
     * from an adapter bean: a flow built on the adapter makes the application context start the
     * adapter (as a dependency of the flow's endpoints) before the flow's first endpoint, and
     * messages of a persistent session, delivered at once on connect, found no subscriber.
     */
    public static final String INBOUND_CHANNEL = "mqttInboundMessages";

    public static final String ERROR_CHANNEL = "mqttIngestErrors";

    /** Header: the {@link io.waymark.owntracks.Transport} the message came by; MQTT when absent. */
    public static final String TRANSPORT = "waymark_transport";

    /** Header: a {@code Consumer<IngestOutcome>}, told what became of the message after the commit. */
    public static final String OUTCOME_CALLBACK = "waymark_outcomeCallback";

    private static final Logger log = LoggerFactory.getLogger(IngestFlowConfiguration.class);

    /** Declared, not left to the flow to create: sources in other beans (HTTP mode) inject it. */
    @Bean(INBOUND_CHANNEL)
    MessageChannel inboundChannel() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow mqttIngestFlow(MessageDecoder decoder, IngestBatchWriter writer, OwnPublications own,
            Clock clock) {
        // one step: the InboundMessage is built once, and no Spring message is copied between steps
        return IntegrationFlow.from(INBOUND_CHANNEL)
            .handle(message -> {
                InboundMessage inbound = inbound(message, clock);
                if (!isEcho(inbound, own)) {
                    writer.submit(decoder.decode(inbound));
                }
            }, e -> e.id("storeOwnTracks"))
            .get();
    }

    /** A failure outside the decoder (a bug) still ends up stored as a rejection, not lost. */
    @Bean
    IntegrationFlow mqttIngestErrorFlow(IngestBatchWriter writer, Clock clock) {
        return IntegrationFlow.from(ERROR_CHANNEL)
            .handle(message -> {
                ErrorMessage error = (ErrorMessage) message;
                Message<?> failed = error.getPayload() instanceof MessagingException ex && ex.getFailedMessage() != null
                        ? ex.getFailedMessage() : error.getOriginalMessage();
                if (failed != null) {
                    writer.submit(new IngestItem.Rejected(inbound(failed, clock), RejectionReason.INTERNAL_ERROR,
                            String.valueOf(error.getPayload())));
                }
            }, e -> e.id("recordIngestFailure"))
            .get();
    }

    /** An echo of Waymark's own publication: acknowledged and dropped before decoding. */
    private static boolean isEcho(InboundMessage inbound, OwnPublications own) {
        if (!own.isEcho(inbound.topic(), inbound.payload())) {
            return false;
        }
        inbound.ack().run();
        inbound.outcome().accept(new IngestOutcome.OwnEcho());
        return true;
    }

    @SuppressWarnings("unchecked")
    private static InboundMessage inbound(Message<?> message, Clock clock) {
        MessageHeaders headers = message.getHeaders();
        Object payload = message.getPayload();
        byte[] bytes = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        SimpleAcknowledgment ack = headers.get(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK,
                SimpleAcknowledgment.class);
        Transport transport = headers.get(TRANSPORT, Transport.class);
        Consumer<IngestOutcome> outcome = headers.get(OUTCOME_CALLBACK, Consumer.class);
        return new InboundMessage(headers.get(MqttHeaders.RECEIVED_TOPIC, String.class), bytes, clock.instant(),
                Boolean.TRUE.equals(headers.get(MqttHeaders.RECEIVED_RETAINED, Boolean.class)),
                ack == null ? () -> { } : () -> acknowledge(ack), transport == null ? Transport.MQTT : transport,
                outcome == null ? o -> { } : outcome);
    }

    /**
     * A failed ack (the connection dropped since the message arrived, Waymark is stopping) is
     * harmless: the broker delivers the message again and the idempotent store keeps it once.
     * It must not look like a failed write to the batch writer.
     */
    private static void acknowledge(SimpleAcknowledgment ack) {
        try {
            ack.acknowledge();
        }
        catch (RuntimeException ex) {
            log.debug("MQTT: ack not sent ({}); the broker will deliver the message again", ex.toString());
        }
    }
}
