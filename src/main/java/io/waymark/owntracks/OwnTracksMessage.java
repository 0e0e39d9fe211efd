package io.waymark.owntracks;

/**
 * One decoded OwnTracks JSON message. The {@link #type()} is the message's {@code _type}.
 */
public sealed interface OwnTracksMessage
        permits Location, Lwt, Transition, Waypoint, Waypoints, Card, Status, Cmd, Configuration, OtherMessage {

    String type();
}
