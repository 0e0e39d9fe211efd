package io.waymark.broker;

import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;

/**
 * The embedded broker's face towards the ingestion flow: each message a client publishes
 * becomes one Spring message, sent in-process on the broker's thread, with the acknowledgement
 * that lets the broker answer the client once the message is committed.
 */
class BrokerInboundEndpoint extends MessageProducerSupport {

    static final String ID = "embeddedBrokerInbound";

    @Override
    public String getComponentType() {
        return "embedded-mqtt:inbound-channel-adapter";
    }

    /**
     * @param ack run after the commit; null for QoS 0 and wills, which nobody waits for
     */
    void handOff(String topic, byte[] payload, SimpleAcknowledgment ack) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(payload)
            .setHeader(MqttHeaders.RECEIVED_TOPIC, topic)
            // a phone's live publish, even with the retain flag set: not a replay of old state
            .setHeader(MqttHeaders.RECEIVED_RETAINED, false);
        if (ack != null) {
            message.setHeader(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, ack);
        }
        sendMessage(message.build());
    }
}
