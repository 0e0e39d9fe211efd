package io.waymark.brokerauth;

import io.waymark.account.Accounts;
import io.waymark.broker.BrokerAuthenticator;
import io.waymark.broker.BrokerLogin;
import io.waymark.broker.BrokerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client logs in with a Waymark user name and its password or one of its API tokens, checked
 * by {@link Accounts} like an HTTP login (failed ones count towards the same lockout). Without a
 * user name only when {@code waymark.broker.allow-anonymous=true}.
 */
class BrokerLogins implements BrokerAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(BrokerLogins.class);

    private final Accounts accounts;

    private final boolean allowAnonymous;

    BrokerLogins(Accounts accounts, BrokerProperties properties) {
        this.accounts = accounts;
        this.allowAnonymous = properties.allowAnonymous();
    }

    @Override
    public boolean authenticate(BrokerLogin login) {
        if (login.username() == null || login.username().isEmpty()) {
            if (!allowAnonymous) {
                log.info("Refused MQTT client '{}' from {}: no user name (waymark.broker.allow-anonymous=false)",
                        login.clientId(), login.address());
            }
            return allowAnonymous;
        }
        boolean ok = accounts.authenticate(login.username(), login.password(), login.address()).isPresent();
        if (!ok) {
            log.info("Refused MQTT client '{}' from {}: wrong password for '{}' (or locked out)", login.clientId(),
                    login.address(), login.username());
        }
        return ok;
    }
}
