package io.waymark.device;

import java.time.Instant;

/**
 * A device's presence as the API and the stream show it.
 *
 * @param state {@code online} or {@code offline}
 * @param reason why it last changed ({@code message}, {@code lwt}, {@code connect}, ...), or null
 */
public record PresenceView(String state, Instant since, Instant lastSeen, String reason) {
}
