package io.waymark.owntracks;

/**
 * How a message reached Waymark: over MQTT (a broker), over HTTP ({@code POST /pub}), or through
 * Waymark's own API (a card uploaded by an operator). MQTT phones see what came over MQTT through
 * the broker; the rest must be republished for them.
 */
public enum Transport {
    MQTT, HTTP, API;

    /** The lower-case name, as stored and shown. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
