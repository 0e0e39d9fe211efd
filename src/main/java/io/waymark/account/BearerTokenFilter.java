package io.waymark.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} with an API token. Looked up on every request (no
 * session, no cache): a revoked token stops working at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Accounts accounts;

    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(Accounts accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Account> account = accounts.authenticateToken(header.substring(BEARER.length()).trim(), request.getRemoteAddr());
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AccountAuthenticationProvider.authenticated(account.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
