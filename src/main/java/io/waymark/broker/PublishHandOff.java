package io.waymark.broker;

import java.nio.ByteBuffer;
import java.time.Duration;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each client PUBLISH to the ingestion flow and holds it until Waymark has committed it.
 * <p>
 * For QoS 1 and 2 the interceptor goes async: the broker sends neither the PUBACK (QoS 2: the
 * PUBREC) nor the message to subscribers until the batch writer's acknowledgement resumes it. A
 * crash before that leaves the message in the phone's outbox, to be sent again. If no commit
 * comes within {@link #COMMIT_TIMEOUT} (the database is down), the broker drops the connection
 * without acknowledging (MQTT 5: a negative PUBACK), and the phone sends the message again later.
 * QoS 0 is handed off and released at once: best effort, as the phone asked.
 * <p>
 * A message the {@link BrokerAuthorizer} refuses is dropped here (MQTT 5: PUBACK "not
 * authorized"). Only what clients publish passes here; what Waymark itself publishes ({@link BrokerPublisher})
 * reaches subscribers but is never ingested.
 */
class PublishHandOff implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PublishHandOff.class);

    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerInboundEndpoint endpoint;

    private final ClientDevices devices;

    private final IngestedTopics topics;

    private final BrokerAuthorizer authorizer;

    PublishHandOff(BrokerInboundEndpoint endpoint, ClientDevices devices, IngestedTopics topics,
            BrokerAuthorizer authorizer) {
        this.endpoint = endpoint;
        this.devices = devices;
        this.topics = topics;
        this.authorizer = authorizer;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket packet = input.getPublishPacket();
        String topic = packet.getTopic();
        // HiveMQ runs inbound interceptors before its publish authorizer: ask first, so that a
        // refused message is neither stored nor taken as a sign of the device named in its topic
        if (authorizer != BrokerAuthorizer.ALLOW_ALL && !authorizer.mayPublish(BrokerSecurity.client(input), topic)) {
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "not your topic");
            return;
        }
        devices.published(input.getConnectionInformation().getConnectionAttributeStore(),
                input.getClientInformation().getClientId(), topic);
        if (!topics.matches(topic)) {
            return;
        }
        byte[] payload = bytes(packet.getPayload().orElse(null));
        if (packet.getQos() == Qos.AT_MOST_ONCE) {
            try {
                endpoint.handOff(topic, payload, null);
            }
            catch (RuntimeException ex) {
                log.warn("Embedded broker: QoS 0 message on {} not ingested: {}", topic, ex.toString());
            }
            return;
        }
        Async<PublishInboundOutput> async = output.async(COMMIT_TIMEOUT, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR, "not stored in time");
        try {
            endpoint.handOff(topic, payload, async::resume);
        }
        catch (RuntimeException ex) {
            // not even recorded as a rejection: refuse, so that the client keeps the message and retries
            log.error("Embedded broker: message on {} could not be handed to ingestion: {}", topic, ex.toString());
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "not stored");
            async.resume();
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
