package io.waymark.support;

import java.time.Duration;
import java.util.function.LongPredicate;

import io.waymark.broker.EmbeddedBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;

/**
 * Base of the tests that run against one shared Waymark with its embedded broker: phones
 * connect to {@link #brokerUrl()} as users of their own ({@link #phone}), assertions go through
 * {@link #api()} (as admin).
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

    /** Creates the user {@code user} (when new) and returns its password, for an MQTT login. */
    protected String login(String user) {
        api().createUser(user);
        return Api.passwordOf(user);
    }

    /** A phone of {@code user} (created when new) logged in to the embedded broker. */
    protected Phone phone(String user, String device) {
        return Phone.connectAs(brokerUrl(), user, login(user), device);
    }

    /** {@link #phone(String, String)} with its own client id, keepalive and session. */
    protected Phone phone(String clientId, String user, String device, int keepAliveSeconds, boolean cleanSession) {
        return Phone.connectAs(brokerUrl(), clientId, user, login(user), device, keepAliveSeconds, cleanSession);
    }

    /** A client of {@code user} (created when new) subscribed to {@code filters}, as a phone watching its friends. */
    protected Phone listening(String user, String... filters) {
        return Phone.listeningAs(brokerUrl(), user, login(user), filters);
    }

    /**
     * A phone of {@code user} (created when new) that keeps QoS 1 locations in flight, connected
     * and with its first location ({@code firstTst}) acknowledged; {@code stored} is asked at each PUBACK.
     */
    protected InFlightPublisher inFlightPhone(String user, long firstTst, LongPredicate stored) {
        InFlightPublisher phone = InFlightPublisher.connect(brokerUrl(), user + "-phone", user, login(user), "phone", stored);
        phone.publish(firstTst);
        await().atMost(Duration.ofSeconds(10)).until(() -> phone.pubacks().size() == 1);
        return phone;
    }

    /** A client that publishes for devices of {@code user} (created when new), without a will. */
    protected Phone publisher(String user) {
        String password = login(user);
        return Phone.publisher(brokerUrl(), user + "-publisher-" + System.nanoTime(), options -> {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        });
    }
}
