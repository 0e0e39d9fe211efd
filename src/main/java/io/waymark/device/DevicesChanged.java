package io.waymark.device;

import java.util.List;

import io.waymark.owntracks.DeviceId;

/**
 * Device rows changed and were committed: the other instances' device lists read these devices
 * (or, with {@code all}, every device) again. Cluster-wide ({@link DeviceClusterEvents}); this
 * instance marks its own list directly.
 */
record DevicesChanged(List<DeviceId> devices, boolean all) {
}
