package io.waymark.broker;

/**
 * Decides what an authenticated client may publish, subscribe to and receive. {@link #mayPublish}
 * is asked for every PUBLISH and for the will at CONNECT (a refused will refuses the connection);
 * {@link #mayReceive} for every message about to be delivered to a subscriber (a wildcard
 * subscription may match more than the client may see). Waymark's own publishes
 * ({@link BrokerPublisher}) are not asked {@link #mayPublish}.
 * Provide a bean to replace the default, which allows everything (and costs nothing: the broker
 * then asks no one).
 */
public interface BrokerAuthorizer {

    BrokerAuthorizer ALLOW_ALL = new BrokerAuthorizer() {

        @Override
        public boolean mayPublish(BrokerClient client, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(BrokerClient client, String topicFilter) {
            return true;
        }
    };

    boolean mayPublish(BrokerClient client, String topic);

    boolean maySubscribe(BrokerClient client, String topicFilter);

    /** Whether a message on {@code topic} that matched one of the client's subscriptions is delivered to it. */
    default boolean mayReceive(BrokerClient client, String topic) {
        return true;
    }
}
