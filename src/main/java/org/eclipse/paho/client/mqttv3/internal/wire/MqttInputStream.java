package org.eclipse.paho.client.mqttv3.internal.wire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.internal.ClientState;
import org.eclipse.paho.client.mqttv3.internal.ExceptionHelper;
import org.eclipse.paho.client.mqttv3.logging.Logger;
import org.eclipse.paho.client.mqttv3.logging.LoggerFactory;

/**
 * Waymark's replacement for Paho 1.2.5's class of the same name (MQTT 3.1.1 client): it reads
 * packets as Paho's does (whole, resuming after a socket timeout), and decodes a PUBLISH straight
 * from the packet. Paho's copies every PUBLISH's bytes into a second array, then its topic and
 * payload into a third and a fourth, through two {@code DataInputStream}s (each with its own
 * buffers): ~1.7 KB per 200-byte location on Paho's receiving thread, which here keeps only
 * the packet, the topic and the payload. Every other packet is Paho's own decoding.
 * <p>
 * It takes Paho's place as Waymark's {@code CountingInputStream} does (see there);
 * {@code PahoMqttInputStreamTest} fails if it no longer does, or if a PUBLISH decodes otherwise
 * than through Paho's {@code MqttWireMessage.createWireMessage}.
 */
public class MqttInputStream extends InputStream {

    private static final String CLASS_NAME = MqttInputStream.class.getName();

    private final Logger log = LoggerFactory.getLogger(LoggerFactory.MQTT_CLIENT_MSG_CAT, CLASS_NAME);

    private final ClientState clientState;

    private final DataInputStream in;

    /** The packet's remaining length while it is being read, else -1. */
    private int remLen = -1;

    /** The fixed header's length: the first byte and the remaining length's encoding. */
    private int headerLen;

    /** The bytes of the packet after its fixed header read so far. */
    private int packetLen;

    private byte[] packet;

    public MqttInputStream(ClientState clientState, InputStream in) {
        this.clientState = clientState;
        this.in = new DataInputStream(in);
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Reads an {@code MqttWireMessage} from the stream. If the message cannot be fully read within
     * the socket read timeout, null is returned and the method can be called again until it is.
     */
    public MqttWireMessage readMqttWireMessage() throws IOException, MqttException {
        MqttWireMessage message = null;
        try {
            if (remLen < 0) {
                // the fixed header is read at once, as Paho's does: it is small enough to come whole
                byte first = in.readByte();
                clientState.notifyReceivedBytes(1);
                byte type = (byte) ((first >>> 4) & 0x0F);
                if (type < MqttWireMessage.MESSAGE_TYPE_CONNECT || type > MqttWireMessage.MESSAGE_TYPE_DISCONNECT) {
                    throw ExceptionHelper.createMqttException(MqttException.REASON_CODE_INVALID_MESSAGE);
                }
                remLen = MqttWireMessage.readMBI(in).getValue();
                headerLen = 1 + encodedLength(remLen);
                packet = new byte[headerLen + remLen];
                packet[0] = first;
                encode(remLen, packet, 1);
                packetLen = 0;
            }
            readFully();
            remLen = -1;
            message = (packet[0] >>> 4 & 0x0F) == MqttWireMessage.MESSAGE_TYPE_PUBLISH ? publish(packet, headerLen)
                    : MqttWireMessage.createWireMessage(packet);
            packet = null;
            if (log.isLoggable(Logger.FINE)) {
                // @TRACE 301= received {0}
                log.fine(CLASS_NAME, "readMqttWireMessage", "301", new Object[] { message });
            }
        }
        catch (SocketTimeoutException e) {
            // the rest of the packet comes with the next call
        }
        return message;
    }

    private void readFully() throws IOException {
        int off = headerLen + packetLen;
        int len = remLen - packetLen;
        int n = 0;
        while (n < len) {
            int count;
            try {
                count = in.read(packet, off + n, len - n);
            }
            catch (SocketTimeoutException e) {
                packetLen += n; // remember the packet read so far
                throw e;
            }
            if (count < 0) {
                throw new EOFException();
            }
            clientState.notifyReceivedBytes(count);
            n += count;
        }
    }

    /**
     * The PUBLISH in {@code packet} after its {@code offset}-byte fixed header, decoded as Paho's
     * {@code MqttPublish(byte, byte[])} does: the same fields set the same way, the same checks,
     * a short packet a {@code MqttException} of an {@code EOFException}.
     */
    private static MqttPublish publish(byte[] packet, int offset) throws MqttException {
        int info = packet[0] & 0x0F;
        MqttReceivedMessage message = new MqttReceivedMessage();
        message.setQos((info >> 1) & 0x03);
        if ((info & 0x01) == 0x01) {
            message.setRetained(true);
        }
        if ((info & 0x08) == 0x08) {
            message.setDuplicate(true);
        }
        int at = offset;
        int topicLength = unsignedShort(packet, at);
        at += 2;
        if (at + topicLength > packet.length) {
            throw new MqttException(new EOFException());
        }
        String topic = new String(packet, at, topicLength, StandardCharsets.UTF_8);
        validateUtf8(topic);
        at += topicLength;
        int id = 0;
        if (message.getQos() > 0) {
            id = unsignedShort(packet, at);
            at += 2;
        }
        message.setPayload(Arrays.copyOfRange(packet, at, packet.length));
        MqttPublish publish = new MqttPublish(topic, message);
        publish.msgId = id; // the field, as Paho's decoding sets it, not the message's id
        return publish;
    }

    private static int unsignedShort(byte[] packet, int at) throws MqttException {
        if (at + 2 > packet.length) {
            throw new MqttException(new EOFException());
        }
        return (packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF;
    }

    private static int encodedLength(int remainingLength) {
        int bytes = 1;
        for (int rest = remainingLength >>> 7; rest > 0; rest >>>= 7) {
            bytes++;
        }
        return bytes;
    }

    /** MQTT's variable byte integer, as {@code MqttWireMessage.encodeMBI} writes it. */
    private static void encode(int value, byte[] into, int at) {
        int rest = value;
        do {
            byte digit = (byte) (rest % 128);
            rest /= 128;
            if (rest > 0) {
                digit |= (byte) 0x80;
            }
            into[at++] = digit;
        } while (rest > 0);
    }

    /**
     * Paho 1.2.5's check of a decoded topic ({@code MqttWireMessage.validateUTF8String}, private
     * there), kept as it is, quirks included: a topic Paho rejects is rejected here too, the same way.
     */
    private static void validateUtf8(String input) {
        for (int i = 0; i < input.length(); i++) {
            boolean isBad = false;
            char c = input.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (++i == input.length()) {
                    isBad = true;
                }
                else {
                    char c2 = input.charAt(i);
                    if (Character.isLowSurrogate(c2)) {
                        isBad = true;
                    }
                    else {
                        int ch = ((((int) c) & 0x3ff) << 10) | (c2 & 0x3ff);
                        if ((ch & 0xffff) == 0xffff || (ch & 0xffff) == 0xfffe) {
                            isBad = true;
                        }
                    }
                }
            }
            else if (Character.isISOControl(c) || Character.isLowSurrogate(c)) {
                isBad = true;
            }
            else if (c >= 0xfdd0 && (c == 0xfffe || c >= 0xfdd0 || c <= 0xfddf)) {
                isBad = true;
            }
            if (isBad) {
                throw new IllegalArgumentException(String.format("Invalid UTF-8 char: [%x]", (int) c));
            }
        }
    }
}
