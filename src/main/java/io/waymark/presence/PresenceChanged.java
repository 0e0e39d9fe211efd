package io.waymark.presence;

import io.waymark.owntracks.DeviceId;

/** Published (as an application event) after a device's presence changed and was stored. */
public record PresenceChanged(DeviceId deviceId, Presence presence) {
}
