package io.waymark.account;

import java.time.Duration;
import java.util.UUID;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Failed logins lock out the user name, and from one address any name, for a while. */
@TestPropertySource(properties = { "waymark.security.login.max-failures=2",
        "waymark.security.login.max-failures-per-address=4", "waymark.security.login.lockout=2s" })
class LoginLockoutTest extends EmbeddedWaymarkTest {

    @Autowired
    Accounts accounts;

    @Test
    void repeatedWrongPasswordsLockTheUserOutForAWhile() {
        assertThat(api().send("POST", "/api/v1/users", "{\"username\":\"lena\",\"password\":\"lena-password\"}").status())
            .isEqualTo(201);
        Api lena = api().as("lena", "lena-password");
        assertThat(lena.call("/api/v1/devices").status()).isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            assertThat(api().as("lena", "guess-" + i).call("/api/v1/devices").status()).isEqualTo(401);
        }
        Api.Response locked = lena.call("/api/v1/devices");
        assertThat(locked.status()).as("even the right password, while locked").isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(accounts.authenticate("lena", "lena-password", "192.0.2.1")).as("the broker's way in too").isEmpty();
        assertThat(api().call("/api/v1/devices").status()).as("other users are not locked").isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> lena.call("/api/v1/devices").status() == 200);
        assertThat(accounts.authenticate("lena", "lena-password", "192.0.2.1")).isPresent();
    }

    @Test
    void manyFailuresFromOneAddressLockOutEveryNameFromIt() {
        for (int i = 0; i < 4; i++) {
            assertThat(accounts.authenticate("scan-" + UUID.randomUUID(), "guess", "198.51.100.7")).isEmpty();
        }
        assertThat(accounts.authenticate("admin", Api.ADMIN_PASSWORD, "198.51.100.7")).isEmpty();
        assertThat(accounts.authenticate("admin", Api.ADMIN_PASSWORD, "198.51.100.8")).as("another address").isPresent();
        await().atMost(Duration.ofSeconds(10))
            .until(() -> accounts.authenticate("admin", Api.ADMIN_PASSWORD, "198.51.100.7").isPresent());
    }

    @Test
    void overHttpTheAddressIsLockedOutToo() {
        for (int i = 0; i < 4; i++) {
            api().as("nobody-" + i, "guess").call("/api/v1/devices");
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> api().call("/api/v1/devices").status() == 429);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().call("/api/v1/devices").status() == 200);
    }
}
