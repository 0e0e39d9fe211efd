package io.waymark.account;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. REST clients: HTTP Basic or an API token, no session, no CSRF (a browser
 * never sends those headers by itself). The dashboard: a login form, a session cookie and CSRF
 * protection with the token in a cookie its scripts can read. {@code waymark.security.enabled=false}
 * opens everything, with a warning at every start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the command-line importer runs without a web server
class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);

    private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SecurityProperties properties,
            ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before anything reads a body, security included
        return registration;
    }

    /**
     * Spring Security's own observations off: they wrap each filter of the chain, every
     * authentication and every authorization in an observation of its own, with meters looked up
     * per event, on every request. {@code http.server.requests} still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, Accounts accounts,
            ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied,
            List<HeaderWriter> headerWriters) throws Exception {
        http.headers(headers -> {
            headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
            headerWriters.forEach(headers::addHeaderWriter);
        });
        if (!properties.enabled()) {
            log.warn("SECURITY IS OFF (waymark.security.enabled=false): anyone who reaches Waymark reads and"
                    + " changes everything. Only ever for development.");
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
        }
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(ProblemAuthenticationEntryPoint::isPageNavigation); // no sessions for API clients
        return http
            .authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers("/login", "/login.html", "/css/**", "/js/login.js", "/js/csrf.js", "/favicon.svg").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.PUT, "/api/v1/users/*/password").authenticated() // self or admin: the controller decides
                .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/api/v1/groups", "/api/v1/groups/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/api/v1/rejected", "/api/v1/rejected/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
            .addFilterBefore(new BearerTokenFilter(accounts, entryPoint), BasicAuthenticationFilter.class)
            .formLogin(form -> form.loginPage("/login")
                .defaultSuccessUrl("/")
                .failureHandler((request, response, failure) -> response.sendRedirect(
                        request.getContextPath() + (failure instanceof LockedException ? "/login?locked" : "/login?error")))
                .permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .requestCache(cache -> cache.requestCache(requestCache))
            .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new BrowserCsrfTokens())
                .requireCsrfProtectionMatcher(WebSecurityConfiguration::needsCsrfProtection))
            .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .build();
    }

    /**
     * Changes made with the session cookie, and the login form (no logging a victim into an
     * attacker's account); not requests carrying their own credentials (Basic, Bearer), and not
     * requests without a session, which have nothing to forge (anonymous: 401, not 403).
     */
    private static boolean needsCsrfProtection(HttpServletRequest request) {
        if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) || request.getHeader("Authorization") != null) {
            return false;
        }
        return request.getRequestedSessionId() != null || LOGIN_FORM.matches(request);
    }
}
