package io.waymark.broker;

/**
 * Decides what an authenticated client may publish and subscribe to. {@link #mayPublish} is
 * asked for every PUBLISH and for the will at CONNECT (a refused will refuses the connection).
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
}
