package io.waymark.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout's arithmetic, on a clock the test moves. */
class LoginAttemptsTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final LoginAttempts attempts = new LoginAttempts(new SecurityProperties(true, null,
            new SecurityProperties.Login(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(1)), DataSize.ofMegabytes(1),
            DataSize.ofMegabytes(1)), clock);

    @Test
    void locksAfterTheLimitForTheLockoutAndFailuresWhileLockedDoNotExtendIt() {
        attempts.failed("ann", "10.0.0.1");
        attempts.failed("ann", "10.0.0.2");
        assertThat(attempts.isLocked("ann", null)).isFalse();
        attempts.failed("ann", "10.0.0.3");
        assertThat(attempts.isLocked("ann", null)).isTrue();
        assertThat(attempts.isLocked("bob", "10.0.0.9")).isFalse();

        now = now.plusSeconds(50);
        attempts.failed("ann", "10.0.0.4");
        now = now.plusSeconds(11);
        assertThat(attempts.isLocked("ann", null)).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowAreForgottenAndSuccessForgetsTheUsers() {
        attempts.failed("cid", null);
        attempts.failed("cid", null);
        now = now.plus(Duration.ofMinutes(11));
        attempts.failed("cid", null);
        assertThat(attempts.isLocked("cid", null)).isFalse();
        attempts.failed("cid", null);
        attempts.succeeded("cid");
        attempts.failed("cid", null);
        assertThat(attempts.isLocked("cid", null)).isFalse();
    }

    @Test
    void anAddressIsLockedAfterItsOwnLimitWhateverTheNames() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("name" + i, "192.0.2.1");
        }
        assertThat(attempts.isLocked("someone-else", "192.0.2.1")).isTrue();
        assertThat(attempts.isLocked("someone-else", "192.0.2.2")).isFalse();
    }
}
