package io.waymark.broker;

/**
 * Decides at CONNECT whether a client may use the embedded broker. Provide a bean to replace
 * the default, which lets everyone in.
 */
@FunctionalInterface
public interface BrokerAuthenticator {

    BrokerAuthenticator ALLOW_ALL = login -> true;

    boolean authenticate(BrokerLogin login);
}
