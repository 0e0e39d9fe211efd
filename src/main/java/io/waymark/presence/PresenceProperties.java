package io.waymark.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout a device silent for longer is offline (1.5 x the apps' common 60 min keepalive)
 * @param sweepInterval how often silent devices are looked for; by default a tenth of the
 *        timeout, between 100 ms and 5 s, so that short timeouts are honoured too
 */
@ConfigurationProperties("waymark.presence")
public record PresenceProperties(@DefaultValue("90m") Duration timeout, Duration sweepInterval) {

    private static final Duration MIN_SWEEP = Duration.ofMillis(100);

    private static final Duration MAX_SWEEP = Duration.ofSeconds(5);

    public PresenceProperties {
        if (sweepInterval == null) {
            Duration tenth = timeout.dividedBy(10);
            sweepInterval = tenth.compareTo(MAX_SWEEP) > 0 ? MAX_SWEEP : tenth.compareTo(MIN_SWEEP) < 0 ? MIN_SWEEP : tenth;
        }
    }
}
