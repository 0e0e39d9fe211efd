package io.waymark.broker;

/** The embedded broker's port is taken (typically by a Mosquitto already running). */
public class BrokerPortInUseException extends RuntimeException {

    private final int port;

    BrokerPortInUseException(String host, int port, Throwable cause) {
        super("Embedded MQTT broker cannot listen on " + host + ":" + port
                + ": the port is already in use. Set waymark.broker.port to a free port"
                + " (or waymark.broker.enabled=false to use an external broker).", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
