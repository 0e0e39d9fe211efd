package io.waymark.broker;

/**
 * What a client presents in its CONNECT, for {@link BrokerAuthenticator}.
 *
 * @param username null when the client sent none
 * @param password null when the client sent none (UTF-8 decoded)
 * @param willTopic the topic of its will, or null
 * @param address the client's IP address (for the lockout after failed logins), or null
 */
public record BrokerLogin(String clientId, String username, String password, String willTopic, String address) {
}
