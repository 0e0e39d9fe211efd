package io.waymark.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that connects with a will and a keepalive and then says nothing more while keeping
 * its socket open: a frozen phone. Paho cannot do that (it sends PINGREQs by itself), so this
 * speaks just enough MQTT 3.1.1 by hand.
 */
public final class SilentMqttClient implements AutoCloseable {

    private final Socket socket;

    private SilentMqttClient(Socket socket) {
        this.socket = socket;
    }

    public static SilentMqttClient connect(String host, int port, String clientId, int keepAliveSeconds,
            String willTopic, String willPayload) throws IOException {
        ByteArrayOutputStream variable = new ByteArrayOutputStream();
        writeString(variable, "MQTT");
        variable.write(4); // protocol level 3.1.1
        variable.write(0b0010_1110); // clean session, will flag, will QoS 1
        variable.write(keepAliveSeconds >> 8);
        variable.write(keepAliveSeconds & 0xFF);
        writeString(variable, clientId);
        writeString(variable, willTopic);
        writeString(variable, willPayload);
        byte[] body = variable.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        }
        while (length > 0);
        packet.write(body);
        Socket socket = new Socket(host, port);
        socket.getOutputStream().write(packet.toByteArray());
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        byte[] connack = in.readNBytes(4);
        if (connack.length != 4 || connack[0] != 0x20 || connack[3] != 0) {
            socket.close();
            throw new IOException("CONNECT refused by the broker");
        }
        return new SilentMqttClient(socket);
    }

    private static void writeString(ByteArrayOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
