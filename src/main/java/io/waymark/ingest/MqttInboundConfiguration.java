package io.waymark.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.waymark.broker.EmbeddedBroker;
import io.waymark.owntracks.RejectionReason;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.core.DefaultMqttPahoClientFactory;
import org.springframework.integration.mqtt.core.MqttPahoClientFactory;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;

/**
 * The MQTT ingestion flow: inbound adapter → decode → batch writer. With an external broker the
 * adapter runs with manual acknowledgements: the batch writer acks each message after its commit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "waymark.mqtt.enabled", matchIfMissing = true)
class MqttInboundConfiguration {

    static final String ERROR_CHANNEL = "mqttIngestErrors";

    @Bean
    MqttPahoClientFactory mqttClientFactory(MqttProperties properties, ObjectProvider<EmbeddedBroker> broker) {
        MqttConnectOptions options = new MqttConnectOptions();
        List<String> urls = properties.url();
        if (urls.isEmpty()) {
            EmbeddedBroker embedded = broker.getIfAvailable();
            if (embedded == null) {
                throw new IllegalStateException(
                        "waymark.mqtt.url is not set and the embedded broker is disabled: set waymark.mqtt.url"
                                + " (e.g. tcp://localhost:1883) or waymark.broker.enabled=true");
            }
            urls = List.of(embedded.localUrl());
            if (!properties.cleanSession()) {
                EmbeddedSessionPrimer.prime(embedded.localUrl(), properties);
            }
        }
        options.setServerURIs(urls.toArray(String[]::new));
        options.setCleanSession(properties.cleanSession());
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval((int) properties.keepAlive().toSeconds());
        options.setConnectionTimeout((int) properties.connectTimeout().toSeconds());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (properties.username() != null) {
            options.setUserName(properties.username());
        }
        if (properties.password() != null) {
            options.setPassword(properties.password().toCharArray());
        }
        DefaultMqttPahoClientFactory factory = new DefaultMqttPahoClientFactory();
        factory.setConnectionOptions(options);
        return factory;
    }

    @Bean
    MqttPahoMessageDrivenChannelAdapter mqttInbound(MqttProperties properties, MqttPahoClientFactory clientFactory) {
        String[] topics = properties.topics().toArray(String[]::new);
        var adapter = new MqttPahoMessageDrivenChannelAdapter(properties.clientId(), clientFactory, topics);
        adapter.setQos(properties.qos());
        // Acknowledge only after the commit, so a crash cannot lose a message the broker thinks
        // was delivered. The embedded broker keeps its queues in memory and dies with Waymark,
        // so there a late ack would buy no safety, only a slower stream (Moquette lets 10 QoS 1
        // messages be in flight per subscriber): ack when the message is queued for storage.
        adapter.setManualAcks(!properties.url().isEmpty());
        DefaultPahoMessageConverter converter = new DefaultPahoMessageConverter();
        converter.setPayloadAsBytes(true);
        adapter.setConverter(converter);
        adapter.setCompletionTimeout(properties.connectTimeout().toMillis());
        adapter.setErrorChannelName(ERROR_CHANNEL);
        return adapter;
    }

    @Bean
    IntegrationFlow mqttIngestFlow(MqttPahoMessageDrivenChannelAdapter mqttInbound, MessageDecoder decoder,
            IngestBatchWriter writer, Clock clock) {
        return IntegrationFlow.from(mqttInbound)
            .transformWith(t -> t.id("decodeOwnTracks")
                .expectedType(Message.class)
                .<Message<?>, IngestItem>transformer(message -> decoder.decode(inbound(message, clock))))
            // a one-way MessageHandler: no reply, and none of the per-message "no reply" logging
            .handle(message -> writer.submit((IngestItem) message.getPayload()), e -> e.id("storeOwnTracks"))
            .get();
    }

    /** A failure outside the decoder (a bug) still ends up stored as a rejection, not lost. */
    @Bean
    IntegrationFlow mqttIngestErrorFlow(IngestBatchWriter writer, Clock clock) {
        return IntegrationFlow.from(ERROR_CHANNEL)
            .handle(message -> {
                ErrorMessage error = (ErrorMessage) message;
                Message<?> failed = error.getPayload() instanceof MessagingException ex && ex.getFailedMessage() != null
                        ? ex.getFailedMessage() : error.getOriginalMessage();
                if (failed != null) {
                    writer.submit(new IngestItem.Rejected(inbound(failed, clock), RejectionReason.INTERNAL_ERROR,
                            String.valueOf(error.getPayload())));
                }
            }, e -> e.id("recordIngestFailure"))
            .get();
    }

    private static InboundMessage inbound(Message<?> message, Clock clock) {
        MessageHeaders headers = message.getHeaders();
        Object payload = message.getPayload();
        byte[] bytes = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        SimpleAcknowledgment ack = headers.get(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK,
                SimpleAcknowledgment.class);
        return new InboundMessage(headers.get(MqttHeaders.RECEIVED_TOPIC, String.class), bytes, clock.instant(),
                Boolean.TRUE.equals(headers.get(MqttHeaders.RECEIVED_RETAINED, Boolean.class)),
                ack == null ? () -> { } : ack::acknowledge);
    }
}
