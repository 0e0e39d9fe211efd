package io.waymark.broker;

import java.util.HashMap;
import java.util.Map;

import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.support.GenericMessage;

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
        // one header map, copied once by the message (a MessageBuilder copies it twice more)
        Map<String, Object> headers = new HashMap<>(8);
        headers.put(MqttHeaders.RECEIVED_TOPIC, topic);
        // a phone's live publish, even with the retain flag set: not a replay of old state
        headers.put(MqttHeaders.RECEIVED_RETAINED, Boolean.FALSE);
        if (ack != null) {
            headers.put(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, ack);
        }
        sendMessage(new GenericMessage<>(payload, headers));
    }
}
