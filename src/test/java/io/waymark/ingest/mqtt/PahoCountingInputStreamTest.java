package io.waymark.ingest.mqtt;

import java.io.ByteArrayInputStream;
import java.util.Arrays;


import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.wire.CountingInputStream;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.waymark.ingest.mqtt.PahoOverrides.concat;
import static io.waymark.ingest.mqtt.PahoOverrides.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waymark's bulk-reading {@code CountingInputStream}s take the place of Paho's (see the class
 * comment there): they are the ones loaded, for the Paho version they were written for, and
 * Paho decodes every PUBLISH through them as it did through its own.
 */
class PahoCountingInputStreamTest {

    @Test
    void waymarksClassesTakePahosPlaceForThePahoVersionTheyWereWrittenFor() throws Exception {
        PahoOverrides.assertTakesPahosPlace(CountingInputStream.class);
        PahoOverrides.assertTakesPahosPlace(org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream.class,
                org.eclipse.paho.mqttv5.common.packet.MqttPublish.class);
    }

    @Test
    void countsSingleAndBulkReadsButNotTheEnd() throws Exception {
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[] { 1, 2, 3, 4, 5, 6 }));
        assertThat(in.read()).isEqualTo(1);
        byte[] into = new byte[8];
        assertThat(in.read(into, 2, 3)).isEqualTo(3);
        assertThat(Arrays.copyOfRange(into, 2, 5)).containsExactly(2, 3, 4);
        assertThat(in.getCounter()).isEqualTo(4);
        assertThat(in.read(into, 0, 8)).isEqualTo(2);
        assertThat(in.read(into, 0, 8)).isEqualTo(-1);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.getCounter()).isEqualTo(6);
        in.resetCounter();
        assertThat(in.getCounter()).isZero();
    }

    @ParameterizedTest
    @CsvSource({ "owntracks/alice/phone, 181, 1", "owntracks/zoë/téléphone, 0, 0", "owntracks/a/b, 20000, 2" })
    void mqtt3PublishDecodesAsItWasEncoded(String topic, int size, int qos) throws Exception {
        byte[] payload = payload(size);
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        MqttPublish publish = new MqttPublish(topic, message);
        publish.setMessageId(qos == 0 ? 0 : 4711);

        MqttPublish decoded = (MqttPublish) MqttWireMessage
            .createWireMessage(concat(publish.getHeader(), publish.getPayload()));

        assertThat(decoded.getTopicName()).isEqualTo(topic);
        assertThat(decoded.getMessage().getPayload()).isEqualTo(payload);
        assertThat(decoded.getMessage().getQos()).isEqualTo(qos);
        assertThat(decoded.getMessageId()).isEqualTo(qos == 0 ? 0 : 4711);
    }

    @ParameterizedTest
    @CsvSource({ "owntracks/alice/phone, 181, 1", "owntracks/zoë/téléphone, 0, 0", "owntracks/a/b, 20000, 2" })
    void mqtt5PublishDecodesAsItWasEncoded(String topic, int size, int qos) throws Exception {
        byte[] payload = payload(size);
        org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(payload);
        message.setQos(qos);
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        org.eclipse.paho.mqttv5.common.packet.MqttPublish publish = new org.eclipse.paho.mqttv5.common.packet.MqttPublish(
                topic, message, properties);
        publish.setMessageId(qos == 0 ? 0 : 4711);

        var decoded = (org.eclipse.paho.mqttv5.common.packet.MqttPublish) org.eclipse.paho.mqttv5.common.packet.MqttWireMessage
            .createWireMessage(concat(publish.getHeader(), publish.getPayload()));

        assertThat(decoded.getTopicName()).isEqualTo(topic);
        assertThat(decoded.getMessage().getPayload()).isEqualTo(payload);
        assertThat(decoded.getQoS()).isEqualTo(qos);
        assertThat(decoded.getMessageId()).isEqualTo(qos == 0 ? 0 : 4711);
        assertThat(decoded.getProperties().getContentType()).isEqualTo("application/json");
    }
}
