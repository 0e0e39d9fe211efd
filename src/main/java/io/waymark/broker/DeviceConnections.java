package io.waymark.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.InvalidMessageException;
import io.waymark.owntracks.Topic;
import io.waymark.broker.BrokerEvent.DeviceConnected;
import io.waymark.broker.BrokerEvent.DeviceDisconnected;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Maps broker clients to devices and publishes their connects and disconnects as
 * {@link BrokerEvent}s.
 * A client belongs to a device by its will topic ({@code owntracks/<user>/<device>}, known at
 * CONNECT) or, failing that, by the topic of its first publish. Clients that never publish
 * under a device topic (Waymark's own subscriber, dashboards, tools) are ignored.
 */
class DeviceConnections extends AbstractInterceptHandler {

    private final ApplicationEventPublisher events;

    private final Map<String, DeviceId> devicesByClient = new ConcurrentHashMap<>();

    DeviceConnections(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public String getID() {
        return "waymark-presence";
    }

    @Override
    public void onConnect(InterceptConnectMessage message) {
        if (message.isWillFlag()) {
            DeviceId device = deviceOf(message.getWillTopic());
            if (device != null) {
                devicesByClient.put(message.getClientID(), device);
                events.publishEvent(new DeviceConnected(device, message.getClientID()));
            }
        }
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
        String clientId = message.getClientID();
        // Waymark's own publishes (friends' data, commands) are about other devices, never the publisher's
        if (devicesByClient.containsKey(clientId) || EmbeddedBroker.PUBLISHER_CLIENT_ID.equals(clientId)) {
            return;
        }
        Topic topic = topicOf(message.getTopicName());
        // commands are published *to* a device by someone else: they do not identify the sender
        if (topic != null && !topic.isCommand()) {
            DeviceId device = DeviceId.of(topic);
            devicesByClient.put(clientId, device);
            events.publishEvent(new DeviceConnected(device, clientId));
        }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
        gone(message.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
        gone(message.getClientID());
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Moquette reports client protocol errors here; the connection-lost callback follows
    }

    private void gone(String clientId) {
        DeviceId device = devicesByClient.remove(clientId);
        if (device != null) {
            events.publishEvent(new DeviceDisconnected(device, clientId));
        }
    }

    private static DeviceId deviceOf(String topicName) {
        Topic topic = topicOf(topicName);
        return topic == null || topic.subtopic() != null ? null : DeviceId.of(topic);
    }

    private static Topic topicOf(String topicName) {
        try {
            return Topic.parse(topicName);
        }
        catch (InvalidMessageException ex) {
            return null;
        }
    }
}
