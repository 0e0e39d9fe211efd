package io.waymark.ingest.mqtt;

import org.jspecify.annotations.Nullable;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.mqtt.core.MqttPahoClientFactory;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;

/**
 * Spring Integration's MQTT 3.1.1 inbound adapter, subscribing off Paho's callback thread.
 * <p>
 * The adapter renews its subscription in {@code connectComplete}, which Paho calls on the same
 * thread that delivers messages, and waits there for the SUBACK. A persistent session delivers
 * its backlog right after CONNACK; Paho's reader blocks once ten messages wait for that thread,
 * so the SUBACK is never read and everything stalls until the completion timeout. Subscribing
 * from a thread of its own lets the backlog flow meanwhile (into the adapter as the client's
 * callback).
 */
class MqttV3InboundAdapter extends MqttPahoMessageDrivenChannelAdapter {

    private final TaskExecutor subscriber = new SimpleAsyncTaskExecutor("waymark-mqtt-subscribe-");

    MqttV3InboundAdapter(String clientId, MqttPahoClientFactory clientFactory, String... topics) {
        super(clientId, clientFactory, topics);
    }

    @Override
    public void connectComplete(boolean reconnect, @Nullable String serverUri) {
        subscriber.execute(() -> super.connectComplete(reconnect, serverUri));
    }
}
