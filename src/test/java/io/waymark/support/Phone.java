package io.waymark.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import static org.awaitility.Awaitility.await;

/**
 * The tests' one MQTT 3.1.1 client. Mostly a phone running the OwnTracks app: a Paho client that
 * registers its {@code lwt} as Last Will on {@code owntracks/<user>/<device>} and publishes JSON
 * there ({@link #connect}). The other shapes a test needs:
 * <ul>
 * <li>{@link #publisher}: the phones' side of a load; publishes QoS 1 for any device, with
 *     options as the test needs (TLS, credentials), and rides out a broker restart by waiting for
 *     its automatic reconnect and publishing the unconfirmed message again (a duplicate at
 *     worst, which Waymark must store once);</li>
 * <li>{@link #watching}: an operator watching a topic (Waymark's status), remembering the last
 *     payload, retained ones too;</li>
 * <li>{@link #connectFrozen}: a frozen phone that connects with its will and a keepalive and then
 *     says nothing more while keeping its socket open. Paho cannot do that (it sends PINGREQs by
 *     itself), so this one speaks just enough MQTT 3.1.1 by hand.</li>
 * </ul>
 */
public final class Phone implements AutoCloseable {

    private final MqttAsyncClient client;

    /** The device's own topic; {@code null} for a publisher or a watcher. */
    private final String topic;

    /** Publishing again after a broker restart: only a client with automatic reconnect. */
    private final boolean ridesOutRestarts;

    private volatile String lastReceived;

    /** Everything a {@link #listening} client received, in order. */
    private final java.util.List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The open socket of a frozen phone, which has no Paho client. */
    private final Socket frozen;

    private Phone(MqttAsyncClient client, String topic, boolean ridesOutRestarts, Socket frozen) {
        this.client = client;
        this.topic = topic;
        this.ridesOutRestarts = ridesOutRestarts;
        this.frozen = frozen;
    }

    public static Phone connect(String url, String user, String device) {
        return connect(url, user, device, 60, true);
    }

    public static Phone connect(String url, String user, String device, int keepAliveSeconds, boolean cleanSession) {
        return connect(url, user + "-" + device, user, device, keepAliveSeconds, cleanSession);
    }

    public static Phone connect(String url, String clientId, String user, String device, int keepAliveSeconds,
            boolean cleanSession) {
        return connectAs(url, clientId, user, null, device, keepAliveSeconds, cleanSession);
    }

    /** A phone that logs in as {@code user} with {@code password} (the embedded broker wants that). */
    public static Phone connectAs(String url, String user, String password, String device) {
        return connectAs(url, user + "-" + device, user, password, device, 60, true);
    }

    /** @param password null: connect without a user name or password (a broker allowing anonymous clients) */
    public static Phone connectAs(String url, String clientId, String user, String password, String device,
            int keepAliveSeconds, boolean cleanSession) {
        String topic = topic(user, device);
        MqttAsyncClient client = connectPaho(url, clientId, options -> {
            if (password != null) {
                options.setUserName(user);
                options.setPassword(password.toCharArray());
            }
            options.setCleanSession(cleanSession);
            options.setKeepAliveInterval(keepAliveSeconds);
            options.setWill(topic, lwt(now()).getBytes(StandardCharsets.UTF_8), 1, false);
        });
        return new Phone(client, topic, false, null);
    }

    /** Publishes for any device ({@link #publishLocation(String, String, double, double, long)}); no will. */
    public static Phone publisher(String url, String clientId) {
        return publisher(url, clientId, options -> { });
    }

    public static Phone publisher(String url, String clientId, Consumer<MqttConnectOptions> customizer) {
        MqttAsyncClient client = connectPaho(url, clientId, options -> {
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(1000);
            customizer.accept(options);
        });
        return new Phone(client, null, true, null);
    }

    /** Subscribes to {@code topic}; {@link #lastReceived()} is the last payload seen there. */
    public static Phone watching(String url, String topic) {
        return watching(url, topic, options -> { });
    }

    /** {@link #watching(String, String)} with options as the test needs (credentials). */
    public static Phone watching(String url, String topic, Consumer<MqttConnectOptions> customizer) {
        MqttAsyncClient client = connectPaho(url, "watcher-" + System.nanoTime(), options -> {
            options.setAutomaticReconnect(true);
            customizer.accept(options);
        });
        Phone watcher = new Phone(client, null, true, null);
        try {
            client.subscribe(topic, 1, (t, message) -> watcher.lastReceived = new String(message.getPayload(),
                    StandardCharsets.UTF_8)).waitForCompletion(10_000);
        }
        catch (MqttException ex) {
            watcher.close();
            throw new IllegalStateException("Could not subscribe to " + topic, ex);
        }
        return watcher;
    }

    /**
     * A phone in MQTT mode listening to its friends ({@code owntracks/+/+}, {@code owntracks/+/+/info},
     * or whatever filters are given): {@link #received()} has every message, retained ones too.
     */
    public static Phone listening(String url, String... filters) {
        return listeningAs(url, null, null, filters);
    }

    /** {@link #listening(String, String...)} logged in as {@code user} (none when null). */
    public static Phone listeningAs(String url, String user, String password, String... filters) {
        MqttAsyncClient client = connectPaho(url, "listener-" + System.nanoTime(), options -> {
            if (user != null) {
                options.setUserName(user);
                options.setPassword(password.toCharArray());
            }
        });
        Phone listener = new Phone(client, null, false, null);
        try {
            for (String filter : filters) {
                client.subscribe(filter, 1, (t, message) -> listener.received.add(new Received(t,
                        new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained())))
                    .waitForCompletion(10_000);
            }
        }
        catch (MqttException ex) {
            listener.close();
            throw new IllegalStateException("Could not subscribe to " + java.util.Arrays.toString(filters), ex);
        }
        return listener;
    }

    /** How many of {@link #received} {@link #nextOn} has handed out or skipped. */
    private int consumed;

    /** The next message on {@code topic} not handed out yet, skipping others (say, retained ones of other tests), or null. */
    public Received nextOn(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            while (consumed < received.size()) {
                Received next = received.get(consumed++);
                if (next.topic().equals(topic)) {
                    return next;
                }
            }
            try {
                Thread.sleep(20); // a poll of what the client thread appends
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        while (System.nanoTime() < deadline);
        return null;
    }

    /** The topics of all messages a {@link #listening} client received so far, in order. */
    public java.util.List<String> topicsReceived() {
        return received.stream().map(Received::topic).toList();
    }

    /** What a {@link #listening} client received so far. */
    public java.util.List<Received> received() {
        return java.util.List.copyOf(received);
    }

    public record Received(String topic, String payload, boolean retained) {
    }

    /**
     * A phone that connects (client id {@code <user>-<device>}, its {@code lwt} as will, clean
     * session) and then sends nothing, not even a PINGREQ, until closed.
     */
    public static Phone connectFrozen(String host, int port, String user, String device, int keepAliveSeconds) {
        return connectFrozen(host, port, user, null, device, keepAliveSeconds);
    }

    /** @param password when not null, the CONNECT logs in as {@code user} with it */
    public static Phone connectFrozen(String host, int port, String user, String password, String device,
            int keepAliveSeconds) {
        try {
            Socket socket = new Socket(host, port);
            socket.getOutputStream().write(connectPacket(user + "-" + device, keepAliveSeconds, topic(user, device),
                    lwt(now()), password == null ? null : user, password));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] connack = in.readNBytes(4);
            if (connack.length != 4 || connack[0] != 0x20 || connack[3] != 0) {
                socket.close();
                throw new IOException("CONNECT refused by the broker");
            }
            return new Phone(null, topic(user, device), false, socket);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Frozen phone could not connect to " + host + ":" + port, ex);
        }
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String location(double lat, double lon, long tst) {
        return "{\"_type\":\"location\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"tst\":" + tst
                + ",\"acc\":10,\"batt\":77,\"conn\":\"w\",\"tid\":\"ph\"}";
    }

    public Phone publishLocation(double lat, double lon, long tst) {
        return publish(topic, location(lat, lon, tst));
    }

    /** A location of any device, on {@code owntracks/<user>/<device>}. */
    public Phone publishLocation(String user, String device, double lat, double lon, long tst) {
        return publish(topic(user, device), location(lat, lon, tst));
    }

    public Phone publish(String json) {
        return publish(topic, json);
    }

    public Phone publishOn(String subtopic, String json) {
        return publish(topic + "/" + subtopic, json);
    }

    public Phone publish(String toTopic, String json) {
        return publish(toTopic, json.getBytes(StandardCharsets.UTF_8));
    }

    public Phone publish(String toTopic, byte[] payload) {
        if (client == null) {
            throw new IllegalStateException("A frozen phone publishes nothing");
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        for (int attempt = 1;; attempt++) {
            try {
                client.publish(toTopic, message).waitForCompletion(10_000);
                return this;
            }
            catch (MqttException ex) {
                if (!ridesOutRestarts || attempt == 5) {
                    throw new IllegalStateException("Publish to " + toTopic + " failed " + attempt + " time(s)", ex);
                }
                await("publisher reconnected").atMost(Duration.ofSeconds(30)).until(client::isConnected);
            }
        }
    }

    /** The last payload received by a {@link #watching} client, {@code null} before the first. */
    public String lastReceived() {
        return lastReceived;
    }

    /** Closes the socket without an MQTT DISCONNECT, as when a phone loses its network. */
    public void dropConnection() {
        try {
            if (frozen != null) {
                frozen.close();
                return;
            }
            client.disconnectForcibly(0, 1000, false);
            client.close();
        }
        catch (MqttException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A clean MQTT DISCONNECT: brokers publish no will. */
    public void disconnect() {
        try {
            if (frozen != null) {
                frozen.getOutputStream().write(new byte[] { (byte) 0xE0, 0 });
                frozen.close();
                return;
            }
            client.disconnect().waitForCompletion(5000);
            client.close();
        }
        catch (MqttException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        try {
            if (frozen != null) {
                frozen.close();
                return;
            }
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
            client.close();
        }
        catch (MqttException | IOException ex) {
            // already gone
        }
    }

    /** Connect options (clean session) for a plain Paho client that logs in as {@code user}. */
    public static MqttConnectOptions loginOptions(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        login(user, password).accept(options);
        return options;
    }

    /** Connect options that log in as {@code user}. */
    public static Consumer<MqttConnectOptions> login(String user, String password) {
        return options -> {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        };
    }

    private static String topic(String user, String device) {
        return "owntracks/" + user + "/" + device;
    }

    private static String lwt(long tst) {
        return "{\"_type\":\"lwt\",\"tst\":" + tst + "}";
    }

    private static MqttAsyncClient connectPaho(String url, String clientId, Consumer<MqttConnectOptions> customizer) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            customizer.accept(options);
            client.connect(options).waitForCompletion(15_000);
            return client;
        }
        catch (MqttException ex) {
            throw new IllegalStateException("Could not connect to " + url + " as " + clientId, ex);
        }
    }

    /** CONNECT, MQTT 3.1.1: clean session, a will with QoS 1, a user name and password when given. */
    private static byte[] connectPacket(String clientId, int keepAliveSeconds, String willTopic, String willPayload,
            String username, String password) throws IOException {
        ByteArrayOutputStream variable = new ByteArrayOutputStream();
        writeString(variable, "MQTT");
        variable.write(4); // protocol level 3.1.1
        variable.write(0b0010_1110 | (username != null ? 0b1100_0000 : 0)); // clean session, will QoS 1, login
        variable.write(keepAliveSeconds >> 8);
        variable.write(keepAliveSeconds & 0xFF);
        writeString(variable, clientId);
        writeString(variable, willTopic);
        writeString(variable, willPayload);
        if (username != null) {
            writeString(variable, username);
            writeString(variable, password);
        }
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
        return packet.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes);
    }
}
