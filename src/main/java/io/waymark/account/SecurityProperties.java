package io.waymark.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled {@code false} switches authentication and authorization off (development only;
 *        Waymark then warns at every start)
 * @param adminPassword the password of the {@code admin} user created at the first start (no
 *        users yet); when not set, a random one is generated and logged once
 * @param login the lockout after repeated failed logins
 * @param maxBodySize the largest request body any endpoint accepts
 * @param maxImportBodySize the largest body of {@code /api/v1/import}
 */
@Validated
@ConfigurationProperties("waymark.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, String adminPassword,
        @DefaultValue @NotNull Login login, @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("100MB") @NotNull DataSize maxImportBodySize) {

    /**
     * @param maxFailures failed logins for one user name before it is locked out
     * @param maxFailuresPerAddress failed logins from one address before it is locked out
     * @param window how long a failure counts
     * @param lockout how long a lockout lasts
     */
    public record Login(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
            @DefaultValue("15m") @NotNull Duration window, @DefaultValue("1m") @NotNull Duration lockout) {
    }

    @Override
    public String toString() { // the password stays out of logs
        return "SecurityProperties[enabled=" + enabled + ", login=" + login + ", maxBodySize=" + maxBodySize
                + ", maxImportBodySize=" + maxImportBodySize + "]";
    }
}
