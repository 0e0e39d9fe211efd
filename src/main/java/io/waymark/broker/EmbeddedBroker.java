package io.waymark.broker;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Moquette, started as soon as the bean exists so that its (possibly random) port is known
 * before Waymark's own MQTT client is configured. MQTT 3.1.1 only.
 */
public class EmbeddedBroker implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** Large enough that oversized OwnTracks payloads reach Waymark and are rejected there, visibly. */
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private static final int SESSION_QUEUE_SIZE = 65_536;

    /** The client id Moquette's interceptors see on Waymark's own publishes. */
    static final String PUBLISHER_CLIENT_ID = "waymark-internal";

    private final BrokerProperties properties;

    private final DeviceConnections interceptor;

    private final Server server = new Server();

    private volatile int port;

    EmbeddedBroker(BrokerProperties properties, DeviceConnections interceptor) {
        this.properties = properties;
        this.interceptor = interceptor;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        Path dataPath = Path.of(properties.dataPath()).toAbsolutePath();
        Files.createDirectories(dataPath);
        Properties config = new Properties();
        config.setProperty(BrokerConstants.HOST_PROPERTY_NAME, properties.host());
        config.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(properties.port()));
        config.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        config.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        // mosquitto_pub/sub and some apps connect with an empty client id and a clean session
        config.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        config.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        config.setProperty(BrokerConstants.DATA_PATH_PROPERTY_NAME, dataPath.toString());
        config.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        config.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        // Moquette refuses (does not acknowledge) publishes while a session's command queue is
        // full; the default is small for a burst of phones catching up after an outage.
        config.setProperty(BrokerConstants.SESSION_QUEUE_SIZE, Integer.toString(SESSION_QUEUE_SIZE));
        try {
            server.startServer(new MemoryConfig(config), List.of(interceptor));
        }
        catch (RuntimeException | IOException ex) {
            if (isBindFailure(ex)) {
                server.stopServer();
                throw new BrokerPortInUseException(properties.host(), properties.port(), ex);
            }
            throw ex;
        }
        port = properties.port() != 0 ? properties.port() : boundPort();
        log.info("Embedded MQTT broker listening on {}:{}", properties.host(), port);
    }

    /** Moquette learns a random port when its bind completes, which can be just after startServer returns. */
    private int boundPort() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (server.getPort() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Embedded MQTT broker did not report its port within 10 s");
            }
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the embedded MQTT broker", ex);
            }
        }
        return server.getPort();
    }

    /** The URL Waymark's own client uses to reach this broker. */
    public String localUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Publishes as Waymark itself, in-process (no client connection): what its subscribers and
     * the retained store see is what a client's publish would give them.
     */
    public void publish(String topic, byte[] payload, int qos, boolean retained) {
        MqttPublishMessage message = MqttMessageBuilders.publish()
            .topicName(topic)
            .qos(MqttQoS.valueOf(qos))
            .retained(retained)
            .payload(Unpooled.wrappedBuffer(payload)) // Moquette releases it
            .build();
        server.internalPublish(message, PUBLISHER_CLIENT_ID);
    }

    @Override
    public void destroy() {
        server.stopServer();
    }

    private static boolean isBindFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
