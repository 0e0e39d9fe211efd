package io.waymark.broker;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MQTT broker that phones connect to directly.
 *
 * @param enabled whether to start it (turn off when using Mosquitto or a cloud broker)
 * @param host the address every listener binds to
 * @param port the plain MQTT (TCP) port; 0 picks a free one
 * @param dataPath the broker's working folder (its generated configuration, the TLS key store);
 *        messages and sessions are kept in memory only
 * @param tls the optional MQTT over TLS listener
 * @param websocket the optional MQTT over WebSocket listener (path {@code /mqtt})
 * @param allowAnonymous let clients in without a user name (they are then not held to the ACL);
 *        clients with a user name must still log in. With {@code waymark.security.enabled=false}
 *        anyone may connect anyway
 * @param commitTimeout how long a client's QoS 1/2 message may wait for its commit; after that
 *        (the database is down) the client is disconnected without an acknowledgement and sends
 *        the message again later
 * @param eventLoopThreads the broker's network threads (Netty event loops), shared by every
 *        connection: one reads thousands of phones' packets, and on a small machine each more costs
 *        context switches (one instead of Netty's two per core: 10–25% less CPU per message). Sets
 *        {@code io.netty.eventLoopThreads} for the JVM unless that is given on the command line
 */
@ConfigurationProperties("waymark.broker")
public record BrokerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String host,
        @DefaultValue("1883") int port, @DefaultValue("./data/broker") Path dataPath, @DefaultValue Tls tls,
        @DefaultValue Websocket websocket, @DefaultValue("false") boolean allowAnonymous,
        @DefaultValue("60s") Duration commitTimeout, @DefaultValue("1") int eventLoopThreads) {

    public BrokerProperties {
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("waymark.broker.event-loop-threads must be at least 1");
        }
    }

    /**
     * MQTT over TLS ({@code mqtts://}, typically port 8883).
     *
     * @param port the TLS port; unset: no TLS listener; 0 picks a free one
     * @param certificate PEM server certificate (chain)
     * @param privateKey PEM private key of {@code certificate}: PKCS#8, PKCS#1 or SEC1
     */
    public record Tls(Integer port, Path certificate, Path privateKey) {

        public Tls {
            if (port != null && (certificate == null || privateKey == null)) {
                throw new IllegalArgumentException("waymark.broker.tls.port needs waymark.broker.tls.certificate and "
                        + "waymark.broker.tls.private-key (PEM files)");
            }
        }
    }

    /**
     * MQTT over WebSocket, at path {@code /mqtt}.
     *
     * @param port the WebSocket port; unset: no WebSocket listener; 0 picks a free one
     */
    public record Websocket(Integer port) {
    }
}
