package io.waymark.brokerauth;

import java.time.Clock;

import io.waymark.account.Accounts;
import io.waymark.broker.BrokerAuthenticator;
import io.waymark.broker.BrokerAuthorizer;
import io.waymark.broker.BrokerProperties;
import io.waymark.friends.CurrentViewer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker's logins and ACL, unless security is switched off: then the broker keeps its
 * defaults, which let everyone in and allow everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "waymark.security.enabled", havingValue = "true", matchIfMissing = true)
class BrokerAuthConfiguration {

    @Bean
    BrokerAuthenticator brokerLogins(Accounts accounts, BrokerProperties properties) {
        return new BrokerLogins(accounts, properties);
    }

    @Bean
    BrokerAuthorizer brokerAcl(Accounts accounts, CurrentViewer viewers, Clock clock) {
        return new BrokerAcl(accounts, viewers, clock);
    }
}
