package io.waymark.broker;

/** An embedded broker port is taken (typically by a Mosquitto already running). */
public class BrokerPortInUseException extends RuntimeException {

    private final int port;

    private final String property;

    BrokerPortInUseException(String host, int port, String property, Throwable cause) {
        super("Embedded MQTT broker cannot listen on " + host + ":" + port + ": the port is already in use. Set "
                + property + " to a free port (or waymark.broker.enabled=false to use an external broker).", cause);
        this.port = port;
        this.property = property;
    }

    public int port() {
        return port;
    }

    /** The property that names the port, e.g. {@code waymark.broker.port}. */
    public String property() {
        return property;
    }
}
