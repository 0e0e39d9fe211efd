package io.waymark.account;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** HTTP Basic and the login form, checked by {@link Accounts}. */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;

    AccountAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (accounts.isLocked(username, address)) {
            throw new LockedException("too many failed logins: try again later");
        }
        Object credentials = authentication.getCredentials();
        return accounts.authenticate(username, credentials == null ? null : credentials.toString(), address)
            .map(AccountAuthenticationProvider::authenticated)
            .orElseThrow(() -> new BadCredentialsException("wrong user name or password"));
    }

    static Authentication authenticated(Account account) {
        return UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
