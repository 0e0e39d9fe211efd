package io.waymark.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.jspecify.annotations.Nullable;

/**
 * Everything Waymark's MQTT client connects with, decided once from {@link MqttProperties} and
 * the broker to use: the URLs, the TLS socket factory (built at startup, so a bad file fails
 * the start), the status topic and whether acks wait for the commit. The MQTT 3.1.1 and 5
 * connect options are both made from this, so they cannot drift apart.
 *
 * @param urls the brokers, tried in turn
 * @param manualAcks acknowledge a message only after its commit
 * @param socketFactory TLS for {@code ssl://} and {@code wss://} URLs; {@code null} for none (then
 *        plain sockets with buffered input, {@link ReadBufferingSocketFactory})
 */
record MqttClientSettings(List<String> urls, String protocolVersion, String clientId, @Nullable String username,
        @Nullable String password, boolean cleanSession, Duration keepAlive, Duration connectTimeout,
        List<String> subscriptions, int qos, MqttStatus status, boolean manualAcks,
        @Nullable SSLSocketFactory socketFactory, boolean verifyHostname) {

    /** Paho's automatic reconnect, and our retry of the first connect, double their delay from 1 s up to this. */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    /**
     * On stop, how long Paho waits for work in flight (acks of messages being committed) and
     * for the DISCONNECT. Unacknowledged messages are delivered again at the next start anyway,
     * so a long wait buys nothing; Paho's default is 30 s.
     */
    static final Duration QUIESCE_ON_STOP = Duration.ofSeconds(2);

    static MqttClientSettings of(MqttProperties properties, List<String> urls, boolean manualAcks) {
        boolean tls = urls.stream().map(url -> url.toLowerCase(Locale.ROOT))
            .anyMatch(url -> url.startsWith("ssl://") || url.startsWith("wss://"));
        return new MqttClientSettings(List.copyOf(urls), properties.protocolVersion(), properties.clientId(),
                properties.username(), properties.password(), properties.cleanSession(), properties.keepAlive(),
                properties.connectTimeout(), properties.subscriptions(), properties.qos(),
                new MqttStatus(properties.statusTopic()), manualAcks,
                tls ? MqttSslBundle.of(properties.tls()).createSslContext().getSocketFactory() : null,
                properties.tls().verifyHostname());
    }

    MqttConnectOptions v3Options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setServerURIs(urls.toArray(String[]::new));
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) MAX_RECONNECT_DELAY.toMillis());
        options.setKeepAliveInterval((int) keepAlive.toSeconds());
        options.setConnectionTimeout((int) connectTimeout.toSeconds());
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        options.setSocketFactory(connectingFactory());
        if (socketFactory != null) {
            options.setHttpsHostnameVerificationEnabled(verifyHostname);
        }
        if (status.enabled()) {
            options.setWill(status.topic(), MqttStatus.willPayload(), MqttStatus.QOS, true);
        }
        return options;
    }

    MqttConnectionOptions v5Options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(urls.toArray(String[]::new));
        // MQTT 5 has no clean session: a clean start, and a session that expires at once or never
        options.setCleanStart(cleanSession);
        options.setSessionExpiryInterval(cleanSession ? 0L : 0xFFFF_FFFFL);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, (int) MAX_RECONNECT_DELAY.toSeconds());
        options.setKeepAliveInterval((int) keepAlive.toSeconds());
        options.setConnectionTimeout((int) connectTimeout.toSeconds());
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.setSocketFactory(connectingFactory());
        if (socketFactory != null) {
            options.setHttpsHostnameVerificationEnabled(verifyHostname);
        }
        if (status.enabled()) {
            options.setWill(status.topic(), new MqttMessage(MqttStatus.willPayload(), MqttStatus.QOS, true, null));
        }
        return options;
    }

    /** The sockets Paho connects with: TLS, or plain ones with buffered input. */
    private SocketFactory connectingFactory() {
        return socketFactory != null ? socketFactory : ReadBufferingSocketFactory.INSTANCE;
    }

    /** Paho tries each URL in turn, each within connect-timeout; wait for all before giving up. */
    long completionTimeoutMillis() {
        long perUrl = Math.max(connectTimeout.toMillis(), 1000);
        return perUrl * Math.max(urls.size(), 1) + 5000;
    }

    /** Without the password: a record would print it. */
    @Override
    public String toString() {
        return "MqttClientSettings[urls=" + urls + ", protocolVersion=" + protocolVersion + ", clientId=" + clientId
                + ", username=" + username + ", cleanSession=" + cleanSession + ", status=" + status + ", manualAcks="
                + manualAcks + ", tls=" + (socketFactory != null) + "]";
    }

    /** A connection attempt still under way this long after it began has hung ({@link MqttConnectWatchdog}). */
    Duration hangLimit() {
        return Duration.ofMillis(completionTimeoutMillis()).plusSeconds(10);
    }
}
