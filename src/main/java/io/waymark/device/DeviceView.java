package io.waymark.device;

/** A device in the API: identity, presence and last-known location (null before the first fix). */
record DeviceView(String user, String device, String tid, String name, PresenceView presence, LocationView location) {
}
