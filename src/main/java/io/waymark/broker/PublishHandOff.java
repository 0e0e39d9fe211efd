package io.waymark.broker;

import java.nio.ByteBuffer;
import java.time.Duration;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.client.parameter.InitializerInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.waymark.config.IngestThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.acks.SimpleAcknowledgment;

/**
 * Hands each client PUBLISH to the ingestion flow; a QoS 1/2 message is acknowledged to the
 * client only once Waymark has committed it.
 * <p>
 * QoS 1 (the OwnTracks apps' default): the message is handed off and the interceptor returns at
 * once, so the broker goes on reading the client's next PUBLISHes while this one waits for its
 * commit; the connection's {@link PubackGate} holds the PUBACK until the batch writer's
 * acknowledgement ({@link PendingAck}). The broker delivers the message to subscribers before
 * the commit. If no commit comes within the commit timeout (the database is down),
 * {@link PubackDeadlines} disconnects the client without that PUBACK, and the phone sends the
 * message again later.
 * <p>
 * QoS 2 (rare): the interceptor goes async until the commit, which holds the client's later
 * messages back meanwhile; the PUBREC and the delivery to subscribers come after the commit, and
 * without one in time the broker drops the connection (MQTT 5: a negative PUBREC). QoS 0 is
 * handed off and released at once: best effort, as the phone asked.
 * <p>
 * A message the {@link BrokerAuthorizer} refuses is dropped here (MQTT 5: PUBACK "not
 * authorized"). Only what clients publish passes here; what Waymark itself publishes ({@link BrokerPublisher})
 * reaches subscribers but is never ingested.
 */
class PublishHandOff {

    private static final Logger log = LoggerFactory.getLogger(PublishHandOff.class);

    private final BrokerInboundEndpoint endpoint;

    private final ClientDevices devices;

    private final IngestedTopics topics;

    private final BrokerAuthorizer authorizer;

    private final Duration commitTimeout;

    PublishHandOff(BrokerInboundEndpoint endpoint, ClientDevices devices, IngestedTopics topics,
            BrokerAuthorizer authorizer, Duration commitTimeout) {
        this.endpoint = endpoint;
        this.devices = devices;
        this.topics = topics;
        this.authorizer = authorizer;
        this.commitTimeout = commitTimeout;
    }

    Duration commitTimeout() {
        return commitTimeout;
    }

    /**
     * Gives a new connection its own hand-off: the PUBLISH interceptor, and a {@link PubackGate}
     * in its pipeline, or, if that cannot be had, the PUBACK interceptor.
     */
    void install(InitializerInput input, ClientContext client, PubackDeadlines deadlines) {
        ConnectionHandOff connection = new ConnectionHandOff(this, deadlines, input.getClientInformation().getClientId());
        client.addPublishInboundInterceptor(connection);
        boolean gated = HiveMqChannels.of(input.getConnectionInformation().getConnectionAttributeStore())
            .map(channel -> PubackGate.install(channel, connection))
            .orElse(false);
        if (!gated) {
            client.addPubackOutboundInterceptor(connection);
        }
    }

    void onInboundPublish(PublishInboundInput input, PublishInboundOutput output, ConnectionHandOff connection) {
        IngestThreads.lowerCurrent(); // HiveMQ's extension executor: ingestion runs below the API
        PublishPacket packet = input.getPublishPacket();
        String topic = packet.getTopic();
        // HiveMQ runs inbound interceptors before its publish authorizer: ask first, so that a
        // refused message is neither stored nor taken as a sign of the device named in its topic
        if (authorizer != BrokerAuthorizer.ALLOW_ALL && !authorizer.mayPublish(BrokerSecurity.client(input), topic)) {
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "not your topic");
            return;
        }
        if (!connection.deviceKnown() && devices.published(input.getConnectionInformation().getConnectionAttributeStore(),
                connection.clientId(), topic)) {
            connection.deviceIsKnown();
        }
        if (!topics.matches(topic)) {
            return;
        }
        byte[] payload = bytes(packet.getPayload().orElse(null));
        switch (packet.getQos()) {
            case AT_MOST_ONCE -> {
                try {
                    endpoint.handOff(topic, payload, null);
                }
                catch (RuntimeException ex) {
                    log.warn("Embedded broker: QoS 0 message on {} not ingested: {}", topic, ex.toString());
                }
            }
            case AT_LEAST_ONCE -> {
                PendingAck ack = new PendingAck();
                if (handOff(topic, payload, ack, output)) {
                    connection.expect(packet.getPacketId(), ack);
                }
            }
            case EXACTLY_ONCE -> {
                Async<PublishInboundOutput> async = output.async(commitTimeout, TimeoutFallback.FAILURE,
                        AckReasonCode.UNSPECIFIED_ERROR, "not stored in time");
                if (!handOff(topic, payload, async::resume, output)) {
                    async.resume();
                }
            }
        }
    }

    private boolean handOff(String topic, byte[] payload, SimpleAcknowledgment ack,
            PublishInboundOutput output) {
        try {
            endpoint.handOff(topic, payload, ack);
            return true;
        }
        catch (RuntimeException ex) {
            // not even recorded as a rejection: refuse (MQTT 3: the broker disconnects), so that the
            // client keeps the message and retries
            log.error("Embedded broker: message on {} could not be handed to ingestion: {}", topic, ex.toString());
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "not stored");
            return false;
        }
    }

    /** A copy of the payload: HiveMQ's buffer is read-only and not ours to keep. */
    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
