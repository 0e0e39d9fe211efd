package io.waymark.owntracks;

/**
 * Any other {@code _type} (configuration, steps, beacon, request, encrypted, ...): accepted
 * and passed through, never rejected for being unknown.
 */
public record OtherMessage(String type) implements OwnTracksMessage {
}
