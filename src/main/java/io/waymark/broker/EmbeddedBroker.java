package io.waymark.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * HiveMQ Community Edition, embedded: MQTT 3.1.1 and 5 on plain TCP and, when configured, TLS
 * and WebSocket, with sessions and messages in memory.
 * <p>
 * It starts after the ingestion flow and its inbound endpoint (a later lifecycle phase), so the
 * first PUBLISH of a phone that was waiting to reconnect already finds the flow running; it
 * stops first, so no message is handed to a flow that is going away.
 */
public class EmbeddedBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private static final long START_TIMEOUT_SECONDS = 60;

    private static final String NETTY_EVENT_LOOP_THREADS = "io.netty.eventLoopThreads";

    private final BrokerProperties properties;

    private final BrokerExtension extension;

    private final ApplicationEventPublisher events;

    private volatile EmbeddedHiveMQ hivemq;

    private volatile BrokerListeners listeners;

    EmbeddedBroker(BrokerProperties properties, BrokerExtension extension, ApplicationEventPublisher events) {
        this.properties = properties;
        this.extension = extension;
        this.events = events;
    }

    @Override
    public void start() {
        events.publishEvent(new BrokerEvent.BrokerStarting());
        BrokerListeners bound = BrokerListeners.resolve(properties);
        Path folder = properties.dataPath().toAbsolutePath();
        Path conf = folder.resolve("conf");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(folder.resolve("extensions"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the embedded broker's folder " + folder, ex);
        }
        HiveMqConfigFile.write(conf, bound, properties.tls());
        eventLoopThreads(properties.eventLoopThreads());
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
            .withConfigurationFolder(conf)
            .withDataFolder(folder.resolve("data"))
            .withExtensionsFolder(folder.resolve("extensions"))
            .withEmbeddedExtension(EmbeddedExtension.builder()
                .withId("waymark")
                .withName("Waymark")
                .withVersion("1")
                .withExtensionMain(extension)
                .build())
            .withoutLoggingBootstrap()
            .build();
        try {
            broker.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            close(broker);
            throw new IllegalStateException("Embedded MQTT broker did not start: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            close(broker);
            throw new IllegalStateException("Interrupted while starting the embedded MQTT broker", ex);
        }
        hivemq = broker;
        listeners = bound;
        log.info("Embedded MQTT broker listening on {}:{}{}{}", bound.host(), bound.tcp(),
                bound.tls() == null ? "" : ", TLS " + bound.tls(),
                bound.websocket() == null ? "" : ", WebSocket " + bound.websocket() + HiveMqConfigFile.WEBSOCKET_PATH);
    }

    /**
     * HiveMQ sizes its connections' event loop group by Netty's default, which Netty reads from
     * {@code io.netty.eventLoopThreads} once, when that group's class loads: so it is set before
     * the first broker starts, unless the command line set it.
     */
    private static void eventLoopThreads(int threads) {
        String given = System.getProperty(NETTY_EVENT_LOOP_THREADS);
        if (given == null) {
            System.setProperty(NETTY_EVENT_LOOP_THREADS, Integer.toString(threads));
        }
        else if (!given.equals(Integer.toString(threads))) {
            log.info("Embedded MQTT broker: -D{}={} given, waymark.broker.event-loop-threads={} not applied",
                    NETTY_EVENT_LOOP_THREADS, given, threads);
        }
    }

    @Override
    public void stop() {
        EmbeddedHiveMQ broker = hivemq;
        hivemq = null;
        if (broker != null) {
            close(broker);
        }
    }

    private static void close(EmbeddedHiveMQ broker) {
        try {
            broker.close();
        }
        catch (ExecutionException ex) {
            log.warn("Embedded MQTT broker did not stop cleanly: {}", ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return hivemq != null;
    }

    /** After the inbound endpoint ({@code Integer.MAX_VALUE / 2}), before the web server. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 + 1;
    }

    /** The plain TCP port it listens on. */
    public int port() {
        return running().tcp();
    }

    /** The TLS port, or -1 without a TLS listener. */
    public int tlsPort() {
        Integer port = running().tls();
        return port == null ? -1 : port;
    }

    /** The WebSocket port (path {@code /mqtt}), or -1 without a WebSocket listener. */
    public int websocketPort() {
        Integer port = running().websocket();
        return port == null ? -1 : port;
    }

    /** A URL for an MQTT client on this machine, e.g. a test or a tool. */
    public String localUrl() {
        return "tcp://127.0.0.1:" + port();
    }

    PublishService publishService() {
        return extension.publishService();
    }

    BrokerListeners listeners() {
        return listeners;
    }

    private BrokerListeners running() {
        BrokerListeners bound = listeners;
        if (bound == null) {
            throw new IllegalStateException("The embedded MQTT broker has not started");
        }
        return bound;
    }
}
