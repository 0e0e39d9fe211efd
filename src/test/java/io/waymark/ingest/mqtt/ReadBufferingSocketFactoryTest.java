package io.waymark.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadBufferingSocketFactoryTest {

    @Test
    void socketsReadThroughOneBufferPerConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = ReadBufferingSocketFactory.INSTANCE.createSocket(server.getInetAddress(), server.getLocalPort());
                Socket peer = server.accept()) {
            InputStream in = client.getInputStream();
            assertThat(in).isInstanceOf(BufferedInputStream.class).isSameAs(client.getInputStream());
            peer.getOutputStream().write(new byte[] { 0x30, 3, 'a', 'b', 'c' });
            assertThat(in.readNBytes(5)).containsExactly(0x30, 3, 'a', 'b', 'c');
        }
    }

    /** Paho reads with a one-second timeout and resumes after it: nothing may be lost or repeated. */
    @Test
    void aReadTimeoutInTheMiddleOfAPacketLosesNothing() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = ReadBufferingSocketFactory.INSTANCE.createSocket();
                Socket peer = connect(client, server)) {
            client.setSoTimeout(200);
            InputStream in = client.getInputStream();
            OutputStream out = peer.getOutputStream();
            out.write(new byte[] { 1, 2, 3 });
            byte[] packet = new byte[6];
            int read = in.read(packet, 0, 6);
            assertThat(read).isEqualTo(3);
            assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> in.read(packet, 3, 3));
            out.write(new byte[] { 4, 5, 6, 7 });
            assertThat(in.readNBytes(packet, 3, 3)).isEqualTo(3);
            assertThat(packet).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(in.read()).isEqualTo(7);
        }
    }

    /** Paho asks before every packet; while the buffer holds bytes the socket is not asked. */
    @Test
    void availableAnswersFromTheBufferWhileItHoldsBytes() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        InputStream socket = new ByteArrayInputStream(new byte[] { 0x30, 3, 'a', 'b', 'c', 0x30, 1, 'd' }) {
            @Override
            public synchronized int available() {
                asked.incrementAndGet();
                return super.available();
            }
        };
        InputStream in = new ReadBufferingSocketFactory.BufferedSocketInput(socket);
        assertThat(in.available()).as("nothing buffered yet: the socket says").isEqualTo(8);
        assertThat(asked).hasValue(1);
        assertThat(in.readNBytes(5)).containsExactly(0x30, 3, 'a', 'b', 'c');
        assertThat(in.available()).isEqualTo(3);
        assertThat(in.readNBytes(3)).containsExactly(0x30, 1, 'd');
        assertThat(asked).as("not asked while bytes were buffered").hasValue(1);
        assertThat(in.available()).as("the buffer is empty: the socket is asked again").isZero();
        assertThat(asked).hasValue(2);
    }

    private static Socket connect(Socket client, ServerSocket server) throws Exception {
        client.connect(server.getLocalSocketAddress(), 2000);
        return server.accept();
    }
}
