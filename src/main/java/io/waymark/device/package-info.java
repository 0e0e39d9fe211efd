/**
 * Devices: the {@code device} row ({@link io.waymark.device.DeviceRegistry} creates it, names it
 * and keeps its last-seen time), the device list and detail ({@code GET /api/v1/devices}), and
 * the location and presence views the API and the stream share.
 */
package io.waymark.device;
