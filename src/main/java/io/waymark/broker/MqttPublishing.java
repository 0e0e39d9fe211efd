package io.waymark.broker;

/**
 * Waymark's own MQTT publications (commands to devices, friends' data republished for MQTT
 * phones), whichever broker Waymark uses: the port that {@code command} and {@code friends}
 * publish through. Today's implementation is {@code ingest.mqtt.MqttOutbound}: in-process into
 * the embedded broker, or through Waymark's own MQTT client to an external one.
 * <p>
 * The caller does not need to fear its own echo: what is published here and comes back through
 * Waymark's subscription is not ingested again.
 */
public interface MqttPublishing {

    /**
     * @throws IllegalStateException when the broker cannot be reached now (the caller keeps
     *         what it wanted to send)
     */
    void publish(String topic, byte[] payload, int qos, boolean retained);

    /** Whether the phones are connected to Waymark's embedded broker (rather than an external one). */
    boolean embedded();
}
