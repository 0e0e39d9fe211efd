package io.waymark.broker;

import java.util.List;

import io.waymark.ingest.IngestFlowConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "waymark.broker.enabled", matchIfMissing = true)
class BrokerConfiguration {

    @Bean(BrokerInboundEndpoint.ID)
    BrokerInboundEndpoint embeddedBrokerInbound() {
        BrokerInboundEndpoint endpoint = new BrokerInboundEndpoint();
        endpoint.setOutputChannelName(IngestFlowConfiguration.INBOUND_CHANNEL);
        endpoint.setErrorChannelName(IngestFlowConfiguration.ERROR_CHANNEL);
        return endpoint;
    }

    @Bean
    EmbeddedBroker embeddedBroker(BrokerProperties properties, BrokerInboundEndpoint endpoint,
            ObjectProvider<BrokerAuthenticator> authenticator, ObjectProvider<BrokerAuthorizer> authorizer,
            ApplicationEventPublisher events, Environment environment) {
        IngestedTopics topics = new IngestedTopics(Binder.get(environment)
            .bind("waymark.mqtt.topics", Bindable.listOf(String.class))
            .orElse(List.of("owntracks/#")));
        ClientDevices devices = new ClientDevices(events);
        BrokerAuthorizer acl = authorizer.getIfAvailable(() -> BrokerAuthorizer.ALLOW_ALL);
        BrokerExtension extension = new BrokerExtension(new PublishHandOff(endpoint, devices, topics, acl,
                properties.commitTimeout()),
                new ClientLifecycle(devices, endpoint, topics),
                authenticator.getIfAvailable(() -> BrokerAuthenticator.ALLOW_ALL), acl);
        return new EmbeddedBroker(properties, extension, events);
    }

    @Bean
    BrokerPublisher brokerPublisher(EmbeddedBroker broker) {
        return new BrokerPublisher(broker);
    }

    @Bean("broker")
    BrokerHealth brokerHealth(EmbeddedBroker broker) {
        return new BrokerHealth(broker);
    }
}
