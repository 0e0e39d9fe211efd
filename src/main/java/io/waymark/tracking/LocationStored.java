package io.waymark.tracking;

/**
 * Published after a location is committed to the history, when some
 * {@link io.waymark.config.EventAudience} wants it: every listener must be one.
 *
 * @param lastKnown whether it also became the device's last-known location
 */
public record LocationStored(ReceivedLocation location, boolean lastKnown) {
}
