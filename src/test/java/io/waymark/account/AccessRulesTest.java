package io.waymark.account;

import java.util.List;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: anonymous, a user, an admin; and the headers every answer carries. */
class AccessRulesTest extends EmbeddedWaymarkTest {

    private static final List<String> FAMILIES = List.of("/api/v1/devices", "/api/v1/devices/ann/phone",
            "/api/v1/devices/ann/phone/locations", "/api/v1/devices/ann/phone/presence",
            "/api/v1/devices/ann/phone/transitions", "/api/v1/rejected", "/api/v1/stream", "/api/v1/users",
            "/api/v1/tokens", "/api/v1/groups", "/api/v1/dashboard/config", "/actuator/metrics", "/actuator/info");

    @Test
    void anonymousGets401ProblemWithAChallengeFromEveryEndpointFamily() {
        for (String path : FAMILIES) {
            Api.Response response = api().anonymous().call(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).as(path)
                .anySatisfy(v -> assertThat(v).startsWith("Basic realm=\"Waymark\""))
                .anySatisfy(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().allValues("Set-Cookie")).as("no session for API clients")
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            assertThat(api().anonymous().send(method, "/api/v1/users/admin", "{}").status()).isEqualTo(401);
        }
    }

    @Test
    void callsWithCredentialsGetNoCookies() {
        assertThat(api().call("/api/v1/devices").headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void wrongPasswordAndUnknownTokenAre401() {
        assertThat(api().as("admin", "wrong-password").call("/api/v1/devices").status()).isEqualTo(401);
        assertThat(api().as("nobody-at-all", "wrong-password").call("/api/v1/devices").status()).isEqualTo(401);
        assertThat(api().withToken("wm_not-a-token").call("/api/v1/devices").status()).isEqualTo(401);
    }

    @Test
    void healthIsPublicWithTheStatusOnlyAndDetailsForAdmins() {
        Api.Response anonymous = api().anonymous().call("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(api().get("/actuator/health").get("components").has("db")).isTrue();
    }

    @Test
    void aUserReadsTheApiButManagesNothing() {
        Api ursula = user("ursula");
        assertThat(ursula.call("/api/v1/devices").status()).isEqualTo(200);
        assertThat(ursula.call("/api/v1/dashboard/config").status()).isEqualTo(200);
        assertThat(ursula.call("/api/v1/tokens").status()).isEqualTo(200);
        for (String path : List.of("/api/v1/users", "/api/v1/groups", "/api/v1/rejected", "/actuator/metrics", "/actuator/env")) {
            Api.Response response = ursula.call(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(ursula.send("POST", "/api/v1/users", "{\"username\":\"sneaky\",\"password\":\"long-enough\",\"role\":\"ADMIN\"}")
            .status()).isEqualTo(403);
        assertThat(ursula.send("POST", "/api/v1/groups", "{\"name\":\"mine\"}").status()).isEqualTo(403);
        assertThat(ursula.send("DELETE", "/api/v1/users/admin", null).status()).isEqualTo(403);
        assertThat(api().call("/api/v1/users").body()).doesNotContain("sneaky");

        assertThat(api().call("/api/v1/groups").status()).isEqualTo(200);
        assertThat(api().call("/api/v1/rejected").status()).isEqualTo(200);
        assertThat(api().call("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void adminCreatesAndListsUsersWithoutTheirPasswords() {
        Api.Response created = api().send("POST", "/api/v1/users",
                "{\"username\":\"victor\",\"password\":\"victor-secret\",\"role\":\"ADMIN\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(api().as("victor", "victor-secret").call("/api/v1/users").status()).isEqualTo(200);
        String list = api().call("/api/v1/users").body();
        assertThat(list).contains("\"username\":\"victor\"", "\"username\":\"admin\"").doesNotContain("victor-secret", "bcrypt",
                "password");

        assertThat(api().send("POST", "/api/v1/users", "{\"username\":\"victor\",\"password\":\"another-one\"}").status())
            .isEqualTo(409);
        Api.Response badName = api().send("POST", "/api/v1/users", "{\"username\":\"a/b\",\"password\":\"long-enough\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.contentType()).startsWith("application/problem+json");
        assertThat(api().send("POST", "/api/v1/users", "{\"username\":\"shorty\",\"password\":\"short\"}").status())
            .isEqualTo(400);
        assertThat(api().send("POST", "/api/v1/users", "{\"username\":\"roles\",\"password\":\"long-enough\",\"role\":\"ROOT\"}")
            .status()).isEqualTo(400);
        Api.Response broken = api().send("POST", "/api/v1/users", "{\"username\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception", "\tat ", "tools.jackson");
    }

    @Test
    void aUserChangesItsOwnPasswordButNoOneElses() {
        Api paula = user("paula");
        user("peter");
        assertThat(paula.send("PUT", "/api/v1/users/peter/password", "{\"password\":\"paula-was-here\"}").status())
            .isEqualTo(403);
        assertThat(paula.send("PUT", "/api/v1/users/admin/password", "{\"password\":\"paula-was-here\"}").status())
            .isEqualTo(403);
        assertThat(api().as("peter", "peter-password").call("/api/v1/devices").status()).isEqualTo(200);

        assertThat(paula.send("PUT", "/api/v1/users/paula/password", "{\"password\":\"paula-new-password\"}").status())
            .isEqualTo(204);
        assertThat(paula.call("/api/v1/devices").status()).isEqualTo(401); // the old one stops working at once
        assertThat(api().as("paula", "paula-new-password").call("/api/v1/devices").status()).isEqualTo(200);

        assertThat(api().send("PUT", "/api/v1/users/peter/password", "{\"password\":\"set-by-admin\"}").status())
            .isEqualTo(204);
        assertThat(api().as("peter", "set-by-admin").call("/api/v1/devices").status()).isEqualTo(200);
        assertThat(api().send("PUT", "/api/v1/users/nosuchuser/password", "{\"password\":\"set-by-admin\"}").status())
            .isEqualTo(404);
    }

    @Test
    void theLastAdminCannotBeDeleted() {
        // 'victor' may exist from another test: delete every other admin first
        api().get("/api/v1/users").forEach(u -> {
            if (u.get("role").asString().equals("ADMIN") && !u.get("username").asString().equals("admin")) {
                assertThat(api().send("DELETE", "/api/v1/users/" + u.get("username").asString(), null).status()).isEqualTo(204);
            }
        });
        Api.Response response = api().send("DELETE", "/api/v1/users/admin", null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(api().send("DELETE", "/api/v1/users/nosuchuser", null).status()).isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Api.Response response : List.of(api().anonymous().call("/login"), api().call("/api/v1/devices"),
                api().call("/"), api().anonymous().call("/api/v1/devices"))) {
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'", "script-src 'self' 'sha256-")
                .contains("img-src 'self' data: https://tile.openstreetmap.org")
                .doesNotContain("'unsafe-eval'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    private Api user(String name) {
        Api.Response response = api().send("POST", "/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\",\"role\":\"USER\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return api().as(name, name + "-password");
    }
}
