package io.waymark.broker;

import io.waymark.owntracks.DeviceId;

/**
 * What the embedded broker tells the application, as application events: it is starting (so
 * every connection of a previous run is gone), and a device's client connected or went away.
 * They are published on the broker's threads, synchronously.
 */
public sealed interface BrokerEvent {

    /** The broker is about to accept connections; no device is connected to it yet. */
    record BrokerStarting() implements BrokerEvent {
    }

    /** The broker accepted a connection that belongs to the device. */
    record DeviceConnected(DeviceId deviceId, String clientId) implements BrokerEvent {
    }

    /** A client of the device went away, cleanly or not. */
    record DeviceDisconnected(DeviceId deviceId, String clientId) implements BrokerEvent {
    }
}
