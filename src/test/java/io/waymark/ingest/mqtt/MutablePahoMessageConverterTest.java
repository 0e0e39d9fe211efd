package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.AbstractIntegrationMessageBuilder;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

class MutablePahoMessageConverterTest {

    private final MutablePahoMessageConverter converter = new MutablePahoMessageConverter();

    @Test
    void buildsTheMessageTheIngestFlowReadsWithoutCopyingIt() {
        byte[] payload = "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":3}".getBytes(StandardCharsets.UTF_8);
        MqttMessage mqtt = new MqttMessage(payload);
        mqtt.setId(7);
        mqtt.setQos(1);
        mqtt.setRetained(true);
        SimpleAcknowledgment ack = () -> { };

        // as the adapter does: convert, add the ack, build
        AbstractIntegrationMessageBuilder<?> builder = converter.toMessageBuilder("owntracks/alice/phone", mqtt);
        builder.setHeader(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, ack);
        Message<?> message = builder.build();

        assertThat(message.getPayload()).isEqualTo(payload);
        assertThat(message.getHeaders()).containsEntry(MqttHeaders.RECEIVED_TOPIC, "owntracks/alice/phone")
            .containsEntry(MqttHeaders.RECEIVED_RETAINED, true)
            .containsEntry(MqttHeaders.RECEIVED_QOS, 1)
            .containsEntry(MqttHeaders.ID, 7)
            .containsEntry(MqttHeaders.DUPLICATE, false)
            .containsEntry(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, ack);
        // building hands over the builder's own message: its headers were not copied into new maps
        assertThat(builder.build()).isSameAs(message);
    }
}
