package io.waymark.broker;

import io.waymark.owntracks.DeviceId;

/**
 * A client of the embedded broker turned out to belong to a device: by the will topic of its
 * CONNECT, or else by the topic of its first publish.
 */
public record DeviceConnected(DeviceId device, String clientId) {
}
