/**
 * Devices: the {@code device} row ({@link io.waymark.device.DeviceRegistry} creates it, names it
 * and keeps its last-seen time), the device list and detail ({@code GET /api/v1/devices}), and
 * the location and presence views the API and the stream share. The list is cached per device;
 * every module that writes the row tells {@link io.waymark.device.DeviceChanges} which devices
 * it changed.
 */
package io.waymark.device;
