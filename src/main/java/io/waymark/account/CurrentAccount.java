package io.waymark.account;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The account the current request is authenticated as. */
@Component
public class CurrentAccount {

    private final SecurityProperties properties;

    CurrentAccount(SecurityProperties properties) {
        this.properties = properties;
    }

    /** Empty for an anonymous request (and always with security switched off). */
    public Optional<Account> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
        return Optional.of(new Account(auth.getName(), admin ? Role.ADMIN : Role.USER));
    }

    public boolean securityEnabled() {
        return properties.enabled();
    }

    /** True when the caller is {@code user} itself or an admin (or nobody checks: security off). */
    public boolean isSelfOrAdmin(String user) {
        return !properties.enabled() || get().filter(a -> a.admin() || a.username().equals(user)).isPresent();
    }
}
