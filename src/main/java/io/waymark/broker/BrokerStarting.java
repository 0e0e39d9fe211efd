package io.waymark.broker;

/**
 * The embedded broker is about to accept connections. Every connection of a previous run died
 * with it (a crash leaves no disconnects behind), so whatever still counts as connected is not.
 */
public record BrokerStarting() {
}
