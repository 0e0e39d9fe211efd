package io.waymark.ingest.mqtt;

import java.time.Clock;

import io.waymark.ingest.IngestFlowConfiguration;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;

/**
 * The MQTT inbound adapters for Waymark's own client; they send what they receive to
 * {@link IngestFlowConfiguration#INBOUND_CHANNEL}.
 * <p>
 * Only for an external broker ({@link ExternalMqttBroker}): the embedded broker feeds the flow
 * in-process. The adapter runs with manual acknowledgements: the batch writer acks each message
 * after its commit, and the client is in manual-ack mode before it connects (see
 * {@link MqttV3ClientFactory}, {@link MqttV5ClientManager}). MQTT 3.1.1 uses Spring Integration's
 * {@link MqttPahoMessageDrivenChannelAdapter}, MQTT 5 its {@link Mqttv5PahoMessageDrivenChannelAdapter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
@Conditional(ExternalMqttBroker.class)
class MqttInboundConfiguration {

    @Bean
    MqttClientSettings mqttClientSettings(MqttProperties properties) {
        if (properties.url().isEmpty()) {
            throw new IllegalStateException(
                    "waymark.mqtt.url is not set and the embedded broker is disabled: set waymark.mqtt.url"
                            + " (e.g. tcp://localhost:1883) or waymark.broker.enabled=true");
        }
        return MqttClientSettings.of(properties, properties.url(), true);
    }

    @Bean("mqtt")
    MqttConnectionHealth mqttConnectionHealth(MqttClientSettings settings, Clock clock) {
        return new MqttConnectionHealth(settings, clock);
    }

    /** MQTT 3.1.1, the default. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "waymark.mqtt.protocol-version", havingValue = "3.1.1", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
    @Conditional(ExternalMqttBroker.class) // component scanning finds nested configurations on their own
    static class Mqttv3 {

        @Bean
        MqttV3ClientFactory mqttClientFactory(MqttClientSettings settings, MqttConnectionHealth health) {
            return new MqttV3ClientFactory(settings, health);
        }

        @Bean
        MqttConnectWatchdog mqttConnectWatchdog(MqttClientSettings settings, MqttV3ClientFactory clientFactory,
                MqttPahoMessageDrivenChannelAdapter mqttInbound) {
            // a stopped and started adapter asks the factory for a new client
            return new MqttConnectWatchdog(settings.hangLimit(), clientFactory::attemptOlderThan, () -> {
                mqttInbound.stop();
                mqttInbound.start();
            });
        }

        @Bean
        MqttPahoMessageDrivenChannelAdapter mqttInbound(MqttClientSettings settings, MqttV3ClientFactory clientFactory) {
            var adapter = new MqttV3InboundAdapter(settings.clientId(), clientFactory,
                    settings.subscriptions().toArray(String[]::new));
            adapter.setQos(settings.qos());
            adapter.setManualAcks(settings.manualAcks());
            adapter.setConverter(new MutablePahoMessageConverter());
            adapter.setCompletionTimeout(settings.completionTimeoutMillis());
            adapter.setQuiescentTimeout(MqttClientSettings.QUIESCE_ON_STOP.toMillis());
            adapter.setDisconnectCompletionTimeout(MqttClientSettings.QUIESCE_ON_STOP.toMillis());
            adapter.setOutputChannelName(IngestFlowConfiguration.INBOUND_CHANNEL);
            adapter.setErrorChannelName(IngestFlowConfiguration.ERROR_CHANNEL);
            return adapter;
        }
    }

    /** MQTT 5. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "waymark.mqtt.protocol-version", havingValue = "5")
    @ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
    @Conditional(ExternalMqttBroker.class)
    static class Mqttv5 {

        @Bean
        MqttV5ClientManager mqttClientManager(MqttClientSettings settings, MqttConnectionHealth health)
                throws MqttException {
            return new MqttV5ClientManager(settings, health);
        }

        @Bean
        MqttConnectWatchdog mqttConnectWatchdog(MqttClientSettings settings, MqttV5ClientManager manager,
                Mqttv5PahoMessageDrivenChannelAdapter mqttInbound) {
            return new MqttConnectWatchdog(settings.hangLimit(), manager::attemptOlderThan, () -> {
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
        Mqttv5PahoMessageDrivenChannelAdapter mqttInbound(MqttClientSettings settings, MqttV5ClientManager manager) {
            var adapter = new MqttV5InboundAdapter(manager, settings.subscriptions().toArray(String[]::new));
            adapter.setQos(settings.qos());
            adapter.setPayloadType(byte[].class);
            adapter.setCompletionTimeout(settings.completionTimeoutMillis());
            adapter.setOutputChannelName(IngestFlowConfiguration.INBOUND_CHANNEL);
            adapter.setErrorChannelName(IngestFlowConfiguration.ERROR_CHANNEL);
            return adapter;
        }
    }
}
