package io.waymark.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Not logged in: a browser opening a page goes to the login page; everything else gets a 401
 * problem with {@code WWW-Authenticate} (a locked-out client 429). Browsers never see a Basic
 * challenge, so they never cache Basic credentials (which a cross-site form would then send).
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "realm=\"Waymark\"";

    private final ProblemResponses problems;

    private final SecurityProperties properties;

    ProblemAuthenticationEntryPoint(ProblemResponses problems, SecurityProperties properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (isPageNavigation(request)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (failure instanceof LockedException) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, properties.login().lockout().toSeconds())));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, failure.getMessage());
            return;
        }
        response.addHeader("WWW-Authenticate", "Basic " + REALM + ", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer " + REALM);
        String detail = failure instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                ? "authentication required: HTTP Basic or an API token (Authorization: Bearer)" : failure.getMessage();
        problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && request.getHeader("Authorization") == null;
    }
}
