package io.waymark.ingest.mqtt;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.ClientState;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttInputStream;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPubAck;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.waymark.ingest.mqtt.PahoOverrides.concat;
import static io.waymark.ingest.mqtt.PahoOverrides.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waymark's {@code MqttInputStream} takes the place of Paho's (see the class comment there) and
 * reads every packet as Paho's own decoding ({@code MqttWireMessage.createWireMessage}) reads it.
 */
class PahoMqttInputStreamTest {

    /** A client that is never connected, for a real {@link ClientState} to count received bytes. */
    static final class Unconnected extends MqttAsyncClient {

        Unconnected() throws MqttException {
            super("tcp://127.0.0.1:1", "input-stream-test", new MemoryPersistence());
        }

        ClientState state() {
            return comms.getClientState();
        }
    }

    private Unconnected client;

    @BeforeEach
    void client() throws MqttException {
        client = new Unconnected();
    }

    @AfterEach
    void close() throws MqttException {
        client.close();
    }

    @Test
    void waymarksClassTakesPahosPlaceForThePahoVersionItWasWrittenFor() throws Exception {
        PahoOverrides.assertTakesPahosPlace(MqttInputStream.class);
    }

    @ParameterizedTest
    @CsvSource({ "owntracks/alice/phone, 181, 1, false, false", "owntracks/zoë/téléphone, 0, 0, true, false",
            "owntracks/a/b, 20000, 2, false, true", "owntracks/a/b, 127, 1, true, true", "'', 300000, 1, false, false" })
    void publishReadsAsPahosOwnDecoding(String topic, int size, int qos, boolean retained, boolean duplicate)
            throws Exception {
        byte[] wire = publish(topic, payload(size), qos, retained, duplicate, 4711);

        MqttPublish read = (MqttPublish) stream(new ByteArrayInputStream(wire)).readMqttWireMessage();
        MqttPublish paho = (MqttPublish) MqttWireMessage.createWireMessage(wire);

        assertThat(read.getTopicName()).isEqualTo(paho.getTopicName()).isEqualTo(topic);
        assertThat(read.getMessage().getPayload()).isEqualTo(paho.getMessage().getPayload()).isEqualTo(payload(size));
        assertThat(read.getMessage().getQos()).isEqualTo(paho.getMessage().getQos()).isEqualTo(qos);
        assertThat(read.getMessage().isRetained()).isEqualTo(paho.getMessage().isRetained()).isEqualTo(retained);
        assertThat(read.getMessage().isDuplicate()).isEqualTo(paho.getMessage().isDuplicate()).isEqualTo(duplicate);
        assertThat(read.getMessageId()).isEqualTo(paho.getMessageId()).isEqualTo(qos == 0 ? 0 : 4711);
        assertThat(read.getMessage().getId()).isEqualTo(paho.getMessage().getId());
        // what Paho persists of a received QoS 2 PUBLISH
        assertThat(read.getHeader()).isEqualTo(paho.getHeader());
        assertThat(read.getPayload()).isEqualTo(paho.getPayload());
    }

    @Test
    void packetsOneAfterAnotherAndOtherTypesAsPahoReadsThem() throws Exception {
        byte[] first = publish("owntracks/a/one", payload(181), 1, false, false, 1);
        MqttPubAck ack = new MqttPubAck(7);
        byte[] ackPacket = concat(ack.getHeader(), ack.getPayload());
        byte[] second = publish("owntracks/a/two", payload(90), 0, false, false, 0);
        MqttInputStream in = stream(new ByteArrayInputStream(concat(concat(first, ackPacket), second)));

        assertThat(((MqttPublish) in.readMqttWireMessage()).getTopicName()).isEqualTo("owntracks/a/one");
        MqttWireMessage read = in.readMqttWireMessage();
        assertThat(read).isInstanceOf(MqttPubAck.class);
        assertThat(read.getMessageId()).isEqualTo(MqttWireMessage.createWireMessage(ackPacket).getMessageId()).isEqualTo(7);
        MqttPublish last = (MqttPublish) in.readMqttWireMessage();
        assertThat(last.getTopicName()).isEqualTo("owntracks/a/two");
        assertThat(last.getMessage().getPayload()).isEqualTo(payload(90));
        assertThatThrownBy(in::readMqttWireMessage).isInstanceOf(EOFException.class);
    }

    @Test
    void aPacketCutByReadTimeoutsIsResumedWhereItStopped() throws Exception {
        byte[] wire = publish("owntracks/a/slow", payload(5000), 1, false, false, 99);
        MqttInputStream in = stream(new TimingOut(wire, 3, 40, 1000, 3000));

        MqttWireMessage read = null;
        int calls = 0;
        while (read == null) {
            read = in.readMqttWireMessage();
            calls++;
        }

        assertThat(calls).isEqualTo(5); // four timeouts, then the whole packet
        MqttPublish publish = (MqttPublish) read;
        assertThat(publish.getTopicName()).isEqualTo("owntracks/a/slow");
        assertThat(publish.getMessage().getPayload()).isEqualTo(payload(5000));
        assertThat(publish.getMessageId()).isEqualTo(99);
    }

    @Test
    void aPublishShorterThanItsTopicSaysFailsAsPahosDoes() throws Exception {
        byte[] wire = publish("owntracks/a/b", new byte[0], 0, false, false, 0);
        wire[3] = 100; // the topic's length, past the packet's end

        assertThatThrownBy(() -> MqttWireMessage.createWireMessage(wire)).isInstanceOf(MqttException.class)
            .hasCauseInstanceOf(EOFException.class);
        assertThatThrownBy(() -> stream(new ByteArrayInputStream(wire)).readMqttWireMessage())
            .isInstanceOf(MqttException.class)
            .hasCauseInstanceOf(EOFException.class);
    }

    @Test
    void aTopicPahoRejectsIsRejectedTheSameWay() throws Exception {
        byte[] wire = publish("owntracks/a/X", payload(10), 0, false, false, 0);
        wire[4 + "owntracks/a/".length()] = 1; // a control character, which Paho's encoder refuses to write

        assertThatThrownBy(() -> MqttWireMessage.createWireMessage(wire)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Invalid UTF-8 char: [1]");
        assertThatThrownBy(() -> stream(new ByteArrayInputStream(wire)).readMqttWireMessage())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Invalid UTF-8 char: [1]");
    }

    private MqttInputStream stream(InputStream in) {
        return new MqttInputStream(client.state(), in);
    }

    /** A PUBLISH as it comes off the wire: Paho's own encoding, which its decoding is the inverse of. */
    private static byte[] publish(String topic, byte[] payload, int qos, boolean retained, boolean duplicate, int id)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        MqttPublish publish = new MqttPublish(topic, message);
        publish.setMessageId(qos == 0 ? 0 : id);
        publish.setDuplicate(duplicate);
        return concat(publish.getHeader(), publish.getPayload());
    }

    /**
     * Hands out {@code bytes}, with a socket read timeout when a read reaches one of the {@code stops}
     * (after the fixed header: Paho reads that at once, ours too).
     */
    private static final class TimingOut extends InputStream {

        private final byte[] bytes;

        private final int[] stops;

        private int at;

        private int nextStop;

        TimingOut(byte[] bytes, int... stops) {
            this.bytes = bytes;
            this.stops = stops;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            if (at == bytes.length) {
                return -1;
            }
            int limit = bytes.length;
            if (nextStop < stops.length) {
                if (at == stops[nextStop]) {
                    nextStop++;
                    throw new SocketTimeoutException("read timed out");
                }
                limit = stops[nextStop];
            }
            int n = Math.min(len, limit - at);
            System.arraycopy(bytes, at, into, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
