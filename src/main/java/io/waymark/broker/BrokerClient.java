package io.waymark.broker;

/**
 * A connected client of the embedded broker, as {@link BrokerAuthorizer} sees it.
 *
 * @param username the user name it authenticated with, or null
 */
public record BrokerClient(String clientId, String username) {
}
