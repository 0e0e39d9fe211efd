package io.waymark.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout a device silent for longer is offline (1.5 x the apps' common 60 min keepalive)
 * @param sweepInterval how often silent devices are looked for
 */
@ConfigurationProperties("waymark.presence")
public record PresenceProperties(@DefaultValue("90m") Duration timeout, @DefaultValue("5s") Duration sweepInterval) {
}
