package io.waymark.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.waymark.cluster.ClusterEventCodec.Envelope;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Hears the other instances: a connection of its own (not one of the pool's) that
 * {@code LISTEN}s on the cluster's channel, and a thread that waits for notifications and
 * publishes each event they carry as the same application event here, marked remote (see
 * {@link RemoteEvents}) so that it is not sent back. A lost connection is made again after a
 * second; since notifications sent meanwhile are gone, {@link ClusterEventsMissed} tells the
 * listeners to re-read. Its own notifications come back too and are skipped by the sender's id.
 * Every other instance it hears is noted in {@link ClusterPeers}; a new one is greeted with a
 * hello that also tells it to re-read, since this instance sent no events while it knew of none.
 */
@Component
class ClusterListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterListener.class);

    private static final Duration POLL = Duration.ofMillis(500);

    /** After this long without a notification the connection is checked with a query. */
    private static final Duration CHECK = Duration.ofSeconds(10);

    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final ClusterChannel channel;

    private final ClusterEventCodec codec;

    private final RemoteEvents remoteEvents;

    private final ApplicationEventPublisher events;

    private final JdbcConnectionDetails database;

    private final JdbcTemplate jdbc;

    private final ClusterPeers peers;

    private final ClusterNotifier notifier;

    private final String ownPrefix;

    private final CountDownLatch listening = new CountDownLatch(1);

    private volatile boolean running;

    private volatile Thread thread;

    ClusterListener(ClusterChannel channel, ClusterEventCodec codec, RemoteEvents remoteEvents,
            ApplicationEventPublisher events, JdbcConnectionDetails database, JdbcTemplate jdbc, ClusterPeers peers,
            ClusterNotifier notifier) {
        this.channel = channel;
        this.peers = peers;
        this.notifier = notifier;
        this.ownPrefix = channel.enabled() ? codec.prefix(channel.instanceId()) : null;
        this.codec = codec;
        this.remoteEvents = remoteEvents;
        this.events = events;
        this.database = database;
        this.jdbc = jdbc;
    }

    private void run() {
        boolean first = true;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel.quotedName());
                }
                listening.countDown();
                // the others learn of this instance (and answer with their own hello), so that they
                // send it their events; a reconnected listener has missed some anyway (below)
                notifier.hello(false);
                if (!first) {
                    log.info("Listening to the other instances again");
                    events.publishEvent(new ClusterEventsMissed("the connection to the other instances was lost"));
                }
                first = false;
                listen(connection);
            }
            catch (SQLException | RuntimeException ex) {
                if (!running) {
                    return;
                }
                log.warn("Lost the connection to the other instances ({}); reconnecting in {} ms", ex.toString(),
                        RECONNECT_DELAY.toMillis());
                try {
                    Thread.sleep(RECONNECT_DELAY.toMillis());
                }
                catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.getUsername() != null) {
            properties.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        properties.setProperty("ApplicationName", "waymark-cluster-listener");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("loginTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        Connection connection = DriverManager.getConnection(database.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
            if (notifications == null || notifications.length == 0) {
                if (System.nanoTime() - quietSince > CHECK.toNanos()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT 1"); // a dead connection throws here
                    }
                    quietSince = System.nanoTime();
                }
                continue;
            }
            quietSince = System.nanoTime();
            for (PGNotification notification : notifications) {
                receive(notification.getParameter());
            }
        }
    }

    /** One notification; a bad one is logged and skipped, never stops the listener. */
    private void receive(String payload) {
        if (payload.startsWith(ownPrefix)) {
            return; // its own, skipped before decoding: a busy instance sends thousands of events a second
        }
        try {
            Envelope envelope = codec.decode(payload);
            if (channel.instanceId().equals(envelope.from())) {
                return;
            }
            if (envelope.from() != null && peers.heard(envelope.from())) {
                // a new instance: it learns of this one, and may have missed what this one sent to nobody
                notifier.hello(true);
            }
            if (envelope.missed()) {
                events.publishEvent(new ClusterEventsMissed("another instance dropped events"));
            }
            if (envelope.readBack() != null) {
                envelope = readBack(envelope.readBack());
            }
            for (Object event : envelope.events()) {
                remoteEvents.replay(event, () -> events.publishEvent(event));
            }
        }
        catch (JacksonException | DataAccessException ex) {
            log.warn("Skipping a notification from another instance: {}", ex.toString());
        }
        catch (RuntimeException ex) {
            log.error("A listener failed on an event from another instance", ex);
        }
    }

    private Envelope readBack(long id) {
        List<String> payload = jdbc.queryForList("SELECT payload FROM cluster_event WHERE id = ?", String.class, id);
        if (payload.isEmpty()) {
            events.publishEvent(new ClusterEventsMissed("an event to read back was already gone"));
            return new Envelope(null, List.of(), null, false, false);
        }
        return codec.decode(payload.get(0));
    }

    /** Returns once the channel is listened to (or after 10 s), so that no event sent after startup is missed. */
    @Override
    public void start() {
        if (!channel.enabled()) {
            return;
        }
        running = true;
        Thread listener = new Thread(this::run, "waymark-cluster-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                log.warn("Not yet listening to the other instances; going on, the listener keeps trying");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Starts before the ingestion writer and the MQTT adapters. */
    @Override
    public int getPhase() {
        return 0;
    }
}
