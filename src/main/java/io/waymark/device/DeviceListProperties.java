package io.waymark.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deviceListRefresh the longest the cached device list goes without being read again
 *        whole: a bound on how stale it can be when a change notification from another instance
 *        was lost (one instance, H2: only a safety net); {@code 0} reads the whole list on every
 *        request
 */
@ConfigurationProperties("waymark.api")
record DeviceListProperties(@DefaultValue("5s") Duration deviceListRefresh) {
}
