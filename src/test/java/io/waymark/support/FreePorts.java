package io.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, for servers a test starts itself. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A port on 127.0.0.1 that the operating system just handed out and that is free again.
     * Nothing reserves it, so bind it soon.
     */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port on the loopback interface", ex);
        }
    }
}
