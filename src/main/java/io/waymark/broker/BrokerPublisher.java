package io.waymark.broker;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;

/**
 * Publishes into the embedded broker, to its subscribers (commands to a phone, friends'
 * locations). What Waymark publishes here is not ingested: only clients' publishes are.
 */
public class BrokerPublisher {

    private final EmbeddedBroker broker;

    BrokerPublisher(EmbeddedBroker broker) {
        this.broker = broker;
    }

    /** Completes when the broker has taken the message (queued for its subscribers). */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        PublishService service = broker.publishService();
        return service.publish(Builders.publish()
            .topic(topic)
            .payload(ByteBuffer.wrap(payload.clone()))
            .qos(Qos.valueOf(qos))
            .retain(retained)
            .build());
    }
}
