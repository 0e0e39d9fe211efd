/**
 * Logins and the ACL of the embedded broker: clients log in as Waymark users (password or API
 * token, through {@link io.waymark.account.Accounts}, so the lockout after failed logins applies),
 * publish only to their own topics and receive only what their user may see. Implements the
 * broker's {@link io.waymark.broker.BrokerAuthenticator} and {@link io.waymark.broker.BrokerAuthorizer}
 * hooks; with {@code waymark.security.enabled=false} neither is installed and the broker lets
 * everyone do everything.
 */
package io.waymark.brokerauth;
