package io.waymark.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The ports the broker listens on, with 0 resolved to a free port. HiveMQ binds port 0 happily
 * but never tells which port it got, and it starts even when only some of its listeners could
 * bind: so Waymark picks and checks the ports itself, and a taken port fails startup.
 *
 * @param tls null: no TLS listener
 * @param websocket null: no WebSocket listener
 */
record BrokerListeners(String host, int tcp, Integer tls, Integer websocket) {

    static BrokerListeners resolve(BrokerProperties properties) {
        String host = properties.host();
        return new BrokerListeners(host, claim(host, properties.port(), "waymark.broker.port"),
                properties.tls().port() == null ? null : claim(host, properties.tls().port(), "waymark.broker.tls.port"),
                properties.websocket().port() == null ? null
                        : claim(host, properties.websocket().port(), "waymark.broker.websocket.port"));
    }

    /** Binds the port once to see that it is free (and, for 0, to learn a free one). */
    private static int claim(String host, int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port));
            return socket.getLocalPort();
        }
        catch (BindException ex) {
            throw new BrokerPortInUseException(host, port, property, ex);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Embedded MQTT broker cannot listen on " + host + ":" + port, ex);
        }
    }
}
