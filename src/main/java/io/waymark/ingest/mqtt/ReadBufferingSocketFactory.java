package io.waymark.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Plain TCP sockets whose input is buffered. Paho (3.1.1 and 5) reads every packet from the
 * socket's own stream: the fixed header a byte at a time, then the rest, so each PUBLISH cost
 * four {@code read} system calls; through an 8 KB buffer, dozens of messages share one. Paho's
 * one-second read timeout stays harmless: a timeout leaves the buffer as it was, and Paho
 * resumes the packet where it stopped. Paho (3.1.1) also asks {@code available()} before every
 * packet, only to mark itself as receiving: while bytes are buffered the answer comes from the
 * buffer, not from the socket (an {@code ioctl} system call each, 12% of Paho's receiving
 * thread via Mosquitto). TLS sockets need none of this (their records are buffered already), so
 * {@code ssl://} and {@code wss://} keep their own factory.
 */
final class ReadBufferingSocketFactory extends SocketFactory {

    static final ReadBufferingSocketFactory INSTANCE = new ReadBufferingSocketFactory();

    private static final int BUFFER_BYTES = 8192;

    private ReadBufferingSocketFactory() {
    }

    @Override
    public Socket createSocket() {
        return new ReadBufferingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, @Nullable InetSocketAddress local) throws IOException {
        Socket socket = new ReadBufferingSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        }
        catch (IOException ex) {
            socket.close();
            throw ex;
        }
    }

    /** A read buffer that answers {@code available()} from itself while it holds bytes. */
    static final class BufferedSocketInput extends BufferedInputStream {

        BufferedSocketInput(InputStream socketInput) {
            super(socketInput, BUFFER_BYTES);
        }

        @Override
        public synchronized int available() throws IOException {
            int buffered = count - pos;
            return buffered > 0 ? buffered : super.available();
        }
    }

    private static final class ReadBufferingSocket extends Socket {

        private @Nullable InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new BufferedSocketInput(super.getInputStream());
            }
            return input;
        }
    }
}
