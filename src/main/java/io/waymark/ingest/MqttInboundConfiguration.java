package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.waymark.broker.EmbeddedBroker;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.mqtt.core.MqttPahoClientFactory;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;

/**
 * The MQTT inbound adapters for Waymark's own client; they feed {@link IngestFlowConfiguration}'s flow.
 * <p>
 * With an external broker the adapter runs with manual acknowledgements: the batch writer acks
 * each message after its commit, and the client is in manual-ack mode before it connects (see
 * {@link MqttV3ClientFactory}, {@link MqttV5ClientManager}). MQTT 3.1.1 uses Spring Integration's
 * {@link MqttPahoMessageDrivenChannelAdapter}, MQTT 5 its {@link Mqttv5PahoMessageDrivenChannelAdapter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
class MqttInboundConfiguration {

    /** Paho's automatic reconnect doubles its delay from 1 s up to this. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    /**
     * On stop, how long Paho waits for work in flight (acks of messages being committed) and
     * for the DISCONNECT. Unacknowledged messages are delivered again at the next start anyway,
     * so a long wait buys nothing; Paho's default is 30 s.
     */
    private static final Duration QUIESCE_ON_STOP = Duration.ofSeconds(2);

    @Bean("mqtt")
    MqttConnectionHealth mqttConnectionHealth(MqttProperties properties, ObjectProvider<EmbeddedBroker> broker,
            Clock clock) {
        return new MqttConnectionHealth(brokerUrls(properties, broker), properties, clock);
    }

    /** MQTT 3.1.1, the default: external brokers and the embedded one. */
    @Configuration(proxyBeanMethods = false)
    // component scanning finds nested classes on their own: without this, they load even when
    // the enclosing configuration is off (waymark.mqtt.enabled=false) and fail on its beans
    @ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "waymark.mqtt.protocol-version", havingValue = "3.1.1", matchIfMissing = true)
    static class Mqttv3 {

        @Bean
        MqttV3ClientFactory mqttClientFactory(MqttProperties properties, ObjectProvider<EmbeddedBroker> broker,
                MqttConnectionHealth health) {
            List<String> urls = brokerUrls(properties, broker);
            if (properties.url().isEmpty() && !properties.cleanSession()) {
                EmbeddedSessionPrimer.prime(urls.get(0), properties);
            }
            MqttConnectOptions options = new MqttConnectOptions();
            options.setServerURIs(urls.toArray(String[]::new));
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(properties.cleanSession());
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay((int) MAX_RECONNECT_DELAY.toMillis());
            options.setKeepAliveInterval((int) properties.keepAlive().toSeconds());
            options.setConnectionTimeout((int) properties.connectTimeout().toSeconds());
            if (properties.username() != null) {
                options.setUserName(properties.username());
            }
            if (properties.password() != null) {
                options.setPassword(properties.password().toCharArray());
            }
            if (usesTls(urls)) {
                options.setSocketFactory(MqttTlsContext.socketFactory(properties.tls()));
                options.setHttpsHostnameVerificationEnabled(properties.tls().verifyHostname());
            }
            if (properties.statusTopic() != null) {
                options.setWill(properties.statusTopic(), MqttStatus.OFFLINE.getBytes(StandardCharsets.UTF_8),
                        MqttStatus.QOS, true);
            }
            return new MqttV3ClientFactory(options, manualAcks(properties), health, properties.statusTopic());
        }

        @Bean
        MqttConnectWatchdog mqttConnectWatchdog(MqttProperties properties, MqttV3ClientFactory clientFactory,
                MqttPahoMessageDrivenChannelAdapter mqttInbound) {
            // a stopped and started adapter asks the factory for a new client
            return new MqttConnectWatchdog(hangLimit(properties, clientFactory.getConnectionOptions().getServerURIs().length),
                    clientFactory::attemptOlderThan, () -> {
                        mqttInbound.stop();
                        mqttInbound.start();
                    });
        }

        @Bean
        MqttPahoMessageDrivenChannelAdapter mqttInbound(MqttProperties properties, MqttPahoClientFactory clientFactory) {
            var adapter = new MqttV3InboundAdapter(properties.clientId(), clientFactory,
                    properties.subscriptions().toArray(String[]::new));
            adapter.setQos(properties.qos());
            adapter.setManualAcks(manualAcks(properties));
            DefaultPahoMessageConverter converter = new DefaultPahoMessageConverter();
            converter.setPayloadAsBytes(true);
            adapter.setConverter(converter);
            adapter.setCompletionTimeout(completionTimeout(properties, clientFactory.getConnectionOptions().getServerURIs().length));
            adapter.setQuiescentTimeout(QUIESCE_ON_STOP.toMillis());
            adapter.setDisconnectCompletionTimeout(QUIESCE_ON_STOP.toMillis());
            adapter.setOutputChannelName(IngestFlowConfiguration.INBOUND_CHANNEL);
            adapter.setErrorChannelName(IngestFlowConfiguration.ERROR_CHANNEL);
            return adapter;
        }
    }

    /** MQTT 5: external brokers only (the embedded broker speaks 3.1.1). */
    @Configuration(proxyBeanMethods = false)
    // component scanning finds nested classes on their own: without this, they load even when
    // the enclosing configuration is off (waymark.mqtt.enabled=false) and fail on its beans
    @ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "waymark.mqtt.protocol-version", havingValue = "5")
    static class Mqttv5 {

        @Bean
        MqttV5ClientManager mqttClientManager(MqttProperties properties, MqttConnectionHealth health)
                throws MqttException {
            if (properties.url().isEmpty()) {
                throw new IllegalStateException("waymark.mqtt.protocol-version=5 needs an external broker in "
                        + "waymark.mqtt.url: the embedded broker speaks MQTT 3.1.1 only");
            }
            List<String> urls = properties.url();
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setServerURIs(urls.toArray(String[]::new));
            // MQTT 5 has no clean session: a clean start, and a session that expires at once or never
            options.setCleanStart(properties.cleanSession());
            options.setSessionExpiryInterval(properties.cleanSession() ? 0L : 0xFFFF_FFFFL);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, (int) MAX_RECONNECT_DELAY.toSeconds());
            options.setKeepAliveInterval((int) properties.keepAlive().toSeconds());
            options.setConnectionTimeout((int) properties.connectTimeout().toSeconds());
            if (properties.username() != null) {
                options.setUserName(properties.username());
            }
            if (properties.password() != null) {
                options.setPassword(properties.password().getBytes(StandardCharsets.UTF_8));
            }
            if (usesTls(urls)) {
                options.setSocketFactory(MqttTlsContext.socketFactory(properties.tls()));
                options.setHttpsHostnameVerificationEnabled(properties.tls().verifyHostname());
            }
            if (properties.statusTopic() != null) {
                var will = new org.eclipse.paho.mqttv5.common.MqttMessage(
                        MqttStatus.OFFLINE.getBytes(StandardCharsets.UTF_8), MqttStatus.QOS, true, null);
                options.setWill(properties.statusTopic(), will);
            }
            var manager = new MqttV5ClientManager(options, properties.clientId(), health, properties.statusTopic());
            manager.setCompletionTimeout(completionTimeout(properties, urls.size()));
            manager.setQuiescentTimeout(QUIESCE_ON_STOP.toMillis());
            manager.setDisconnectCompletionTimeout(QUIESCE_ON_STOP.toMillis());
            return manager;
        }

        @Bean
        MqttConnectWatchdog mqttConnectWatchdog(MqttProperties properties, MqttV5ClientManager manager,
                Mqttv5PahoMessageDrivenChannelAdapter mqttInbound) {
            return new MqttConnectWatchdog(hangLimit(properties, properties.url().size()), manager::attemptOlderThan,
                    () -> {
                        mqttInbound.stop(); // stops the manager too, which closes the client
                        try {
                            manager.installNewClient();
                        }
                        catch (MqttException ex) {
                            throw new IllegalStateException("Could not create a new MQTT client", ex);
                        }
                        mqttInbound.start();
                    });
        }

        @Bean
        Mqttv5PahoMessageDrivenChannelAdapter mqttInbound(MqttProperties properties, MqttV5ClientManager manager) {
            var adapter = new MqttV5InboundAdapter(manager,
                    properties.subscriptions().toArray(String[]::new));
            adapter.setQos(properties.qos());
            adapter.setPayloadType(byte[].class);
            adapter.setCompletionTimeout(completionTimeout(properties, properties.url().size()));
            adapter.setOutputChannelName(IngestFlowConfiguration.INBOUND_CHANNEL);
            adapter.setErrorChannelName(IngestFlowConfiguration.ERROR_CHANNEL);
            return adapter;
        }
    }

    /** The configured URLs, or the embedded broker's. */
    static List<String> brokerUrls(MqttProperties properties, ObjectProvider<EmbeddedBroker> broker) {
        if (!properties.url().isEmpty()) {
            return properties.url();
        }
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded == null) {
            throw new IllegalStateException(
                    "waymark.mqtt.url is not set and the embedded broker is disabled: set waymark.mqtt.url"
                            + " (e.g. tcp://localhost:1883) or waymark.broker.enabled=true");
        }
        return List.of(embedded.localUrl());
    }

    /**
     * Acknowledge only after the commit, so a crash cannot lose a message the broker thinks was
     * delivered. The embedded broker keeps its queues in memory and dies with Waymark, so there a
     * late ack would buy no safety, only a slower stream (Moquette lets 10 QoS 1 messages be in
     * flight per subscriber): ack when the message is queued for storage.
     */
    private static boolean manualAcks(MqttProperties properties) {
        return !properties.url().isEmpty();
    }

    private static boolean usesTls(List<String> urls) {
        return urls.stream().map(url -> url.toLowerCase(Locale.ROOT)).anyMatch(url -> url.startsWith("ssl://")
                || url.startsWith("wss://"));
    }

    /** A connection attempt still under way this long after it began has hung ({@link MqttConnectWatchdog}). */
    private static Duration hangLimit(MqttProperties properties, int urls) {
        return Duration.ofMillis(completionTimeout(properties, urls)).plusSeconds(10);
    }

    /** Paho tries each URL in turn, each within connect-timeout; wait for all before giving up. */
    private static long completionTimeout(MqttProperties properties, int urls) {
        long perUrl = Math.max(properties.connectTimeout().toMillis(), 1000);
        return perUrl * Math.max(urls, 1) + 5000;
    }
}
