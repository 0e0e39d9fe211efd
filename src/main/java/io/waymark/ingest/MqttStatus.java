package io.waymark.ingest;

/**
 * Waymark's own status on {@code waymark.mqtt.status-topic}, retained: {@code online} once
 * connected, {@code offline} as its will (a crash, a lost connection) and before a clean stop.
 */
final class MqttStatus {

    static final String ONLINE = "online";

    static final String OFFLINE = "offline";

    static final int QOS = 1;

    private MqttStatus() {
    }
}
