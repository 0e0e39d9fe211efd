package io.waymark.broker;

import java.util.Optional;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.InvalidMessageException;
import io.waymark.owntracks.Topic;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Maps broker connections to devices and announces {@link BrokerEvent.DeviceConnected} / {@link BrokerEvent.DeviceDisconnected}.
 * A client belongs to a device by its will topic ({@code owntracks/<user>/<device>}, known at
 * CONNECT) or, failing that, by the topic of its first publish. A publish to a {@code cmd}
 * subtopic does not count: commands are sent <em>to</em> a device by someone else. Clients that
 * never publish under a device topic (dashboards, tools, friends' subscriptions) are no device.
 * <p>
 * The device is kept in the connection's own attribute store, not in a map by client id: when a
 * phone reconnects with the same client id, the old connection and the new one are two.
 */
class ClientDevices {

    /** The device as {@code <user>/<device>}: topic levels contain no slash. */
    private static final String DEVICE = "waymark.device";

    private final ApplicationEventPublisher events;

    ClientDevices(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The client authenticated; {@code willTopic} may be null. */
    void connected(ConnectionAttributeStore connection, String clientId, String willTopic) {
        Topic topic = topicOf(willTopic);
        if (topic != null && topic.subtopic() == null) {
            belongs(connection, clientId, topic);
        }
    }

    /**
     * The client published to {@code topicName}: the first such topic may tell its device.
     *
     * @return whether the connection's device is known now (then later publishes tell nothing)
     */
    boolean published(ConnectionAttributeStore connection, String clientId, String topicName) {
        if (connection.get(DEVICE).isPresent()) {
            return true;
        }
        Topic topic = topicOf(topicName);
        if (topic != null && !topic.isCommand()) {
            belongs(connection, clientId, topic);
            return true;
        }
        return false;
    }

    void disconnected(ConnectionAttributeStore connection, String clientId) {
        Optional<String> device = connection.getAsString(DEVICE);
        if (device.isPresent()) {
            connection.remove(DEVICE);
            String[] levels = device.get().split("/", 2);
            events.publishEvent(new BrokerEvent.DeviceDisconnected(new DeviceId(levels[0], levels[1]), clientId));
        }
    }

    private void belongs(ConnectionAttributeStore connection, String clientId, Topic topic) {
        DeviceId device = DeviceId.of(topic);
        connection.putAsString(DEVICE, device.user() + "/" + device.device());
        events.publishEvent(new BrokerEvent.DeviceConnected(device, clientId));
    }

    private static Topic topicOf(String topicName) {
        if (topicName == null) {
            return null;
        }
        try {
            return Topic.parse(topicName);
        }
        catch (InvalidMessageException ex) {
            return null;
        }
    }
}
