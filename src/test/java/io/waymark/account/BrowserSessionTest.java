package io.waymark.account;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's side of security over plain HTTP: the login form, the session cookie, CSRF
 * (a change with the session cookie needs the XSRF-TOKEN cookie's value as a header), logout;
 * and the body limit every request is held to.
 */
class BrowserSessionTest extends EmbeddedWaymarkTest {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void aPageOpenedWithoutASessionGoesToTheLoginPage() throws Exception {
        HttpResponse<String> page = browser.send(get("/").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> login = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<form id=\"login-form\" method=\"post\" action=\"/login\"");
        assertThat(xsrf()).as("the CSRF token, readable by the page's scripts").isNotNull();
        assertThat(cookies.getCookieStore().getCookies()).filteredOn(c -> c.getName().equals("XSRF-TOKEN"))
            .allSatisfy(c -> assertThat(c.isHttpOnly()).isFalse());
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenAndGivesASessionThatChangesNeedTheTokenFor() throws Exception {
        browser.send(get("/login").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(postForm("/login", "username=admin&password=" + Api.ADMIN_PASSWORD).statusCode())
            .as("no CSRF token").isEqualTo(403);

        HttpResponse<String> login = postForm("/login", "username=admin&password=" + Api.ADMIN_PASSWORD + "&_csrf=" + enc(xsrf()));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(cookies.getCookieStore().getCookies()).anySatisfy(c -> assertThat(c.getName()).isEqualTo("JSESSIONID"));

        HttpResponse<String> read = browser.send(get("/api/v1/devices").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as("the session cookie authenticates").isEqualTo(200);

        HttpResponse<String> forged = browser.send(json("/api/v1/tokens", "{\"name\":\"forged\"}").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("CSRF");

        HttpResponse<String> withToken = browser.send(json("/api/v1/tokens", "{\"name\":\"from the page\"}")
            .header("X-XSRF-TOKEN", xsrf()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(201);

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(xsrf())))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(browser.send(get("/api/v1/devices").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordInTheFormGoesBackToTheLoginPage() throws Exception {
        browser.send(get("/login").build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = postForm("/login", "username=admin&password=wrong-one&_csrf=" + enc(xsrf()));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void bodiesBeyondTheLimitAre413WhetherDeclaredOrChunked() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder declared = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
            .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD))
            .header("Content-Type", "application/json");
        HttpResponse<String> withLength = HttpClient.newHttpClient().send(
                declared.copy().POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(withLength.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(declared.copy()
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api().call("/api/v1/tokens").body()).doesNotContain("xxxxxxxx");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .reduce((first, last) -> last)
            .orElse(null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
