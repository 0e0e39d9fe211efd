package io.waymark.account;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;

/**
 * The CSRF token as the page's scripts use it: the XSRF-TOKEN cookie's value, sent back as the
 * {@code X-XSRF-TOKEN} header or the {@code _csrf} form field, unmasked (it is never written into a
 * page, so BREACH masking buys nothing). The cookie is set on every browser request, so the login
 * page has it before it posts; requests with their own credentials get none.
 */
class BrowserCsrfTokens implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        plain.handle(request, response, token);
        if (request.getHeader("Authorization") == null) {
            token.get().getToken(); // loads or creates it, which writes the cookie
        }
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return plain.resolveCsrfTokenValue(request, token);
    }
}
