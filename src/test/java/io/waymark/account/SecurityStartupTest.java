package io.waymark.account;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.waymark.support.H2Files;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start's admin, and switching security off. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityStartupTest {

    private static final Pattern GENERATED = Pattern.compile(
            "Created the first user 'admin' with the generated password: (\\S+)");

    @TempDir
    Path temp;

    @Test
    void withoutAConfiguredPasswordTheFirstStartPrintsAGeneratedOneOnce(CapturedOutput output) {
        Map<String, Object> properties = properties("waymark.security.admin-password", "");
        String password;
        try (WaymarkApp waymark = WaymarkApp.start(properties)) {
            Matcher line = GENERATED.matcher(output.getOut());
            assertThat(line.find()).as("one clear line with the password").isTrue();
            password = line.group(1);
            assertThat(line.find()).isFalse();
            assertThat(waymark.api().as("admin", password).call("/api/v1/users").status()).isEqualTo(200);
            assertThat(waymark.api().as("admin", "").call("/api/v1/users").status()).isEqualTo(401);
        }
        try (WaymarkApp again = WaymarkApp.start(properties)) {
            assertThat(GENERATED.matcher(output.getOut()).results().count()).as("printed only at the first start").isOne();
            assertThat(output.getOut().split(Pattern.quote(password), -1)).as("the password appears once in the log").hasSize(2);
            assertThat(again.api().as("admin", password).call("/api/v1/users").status()).isEqualTo(200);
        }
    }

    @Test
    void theConfiguredPasswordIsTheFirstAdminsAndNeverLogged(CapturedOutput output) {
        try (WaymarkApp waymark = WaymarkApp.start(properties("waymark.security.admin-password", "configured-secret-42"))) {
            assertThat(waymark.api().as("admin", "configured-secret-42").call("/api/v1/users").status()).isEqualTo(200);
            assertThat(waymark.api().call("/api/v1/users").status()).as("the test default is not it").isEqualTo(401);
            assertThat(output.getOut()).contains("Created the first user 'admin' with the password of waymark.security.admin-password")
                .doesNotContain("configured-secret-42")
                .doesNotContain("generated password");
        }
    }

    /** Switched off on purpose: this is the test of the switch. */
    @Test
    void switchedOffEverythingIsOpenAndEveryStartWarns(CapturedOutput output) {
        Map<String, Object> properties = properties("waymark.security.enabled", "false");
        for (int start = 1; start <= 2; start++) {
            try (WaymarkApp waymark = WaymarkApp.start(properties)) {
                assertThat(waymark.api().anonymous().call("/api/v1/devices").status()).isEqualTo(200);
                assertThat(waymark.api().anonymous().call("/api/v1/users").status()).isEqualTo(200);
                assertThat(waymark.api().anonymous().send("POST", "/api/v1/groups", "{\"name\":\"open" + start + "\"}").status())
                    .isEqualTo(201);
                assertThat(waymark.api().anonymous().call("/").headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            }
            assertThat(output.getOut().split("SECURITY IS OFF", -1)).as("a warning at start " + start).hasSize(start + 1);
        }
    }

    private Map<String, Object> properties(String name, String value) {
        return Map.of("spring.datasource.url", H2Files.url(temp),
                "waymark.broker.data-path", temp.resolve("broker").toString(), name, value);
    }
}
