package io.waymark.broker;

import io.waymark.owntracks.DeviceId;

/** A client that belonged to a device went away: a DISCONNECT, a dropped socket or a keepalive timeout. */
public record DeviceDisconnected(DeviceId device, String clientId) {
}
