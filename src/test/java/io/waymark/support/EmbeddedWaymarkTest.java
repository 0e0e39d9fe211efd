package io.waymark.support;

import io.waymark.broker.EmbeddedBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that run against one shared Waymark with its embedded broker: phones
 * connect to {@link #brokerUrl()}, assertions go through {@link #api()}.
 */
@WaymarkTest
public abstract class EmbeddedWaymarkTest {

    @Autowired
    protected EmbeddedBroker broker;

    @LocalServerPort
    private int port;

    protected String brokerUrl() {
        return broker.localUrl();
    }

    protected Api api() {
        return new Api(port);
    }
}
