package io.waymark.device;

import io.waymark.cluster.ClusterEventsMissed;
import io.waymark.cluster.RemoteEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Other instances' changes to device rows mark this instance's device list (and what it remembers of the rows). */
@Component
class RemoteDeviceChanges {

    private final DeviceListCache list;

    private final RemoteEvents remoteEvents;

    private final CommittedDeviceRows committed;

    RemoteDeviceChanges(DeviceListCache list, RemoteEvents remoteEvents, CommittedDeviceRows committed) {
        this.list = list;
        this.remoteEvents = remoteEvents;
        this.committed = committed;
    }

    /** Only another instance's: this instance's own marked the list when they committed. */
    @EventListener
    void on(DevicesChanged changed) {
        if (!remoteEvents.isRemote(changed)) {
            return;
        }
        if (changed.all()) {
            committed.forgetAll(); // rows may have gone: another instance erased a user
            list.changedAll();
        }
        else {
            list.changed(changed.devices());
        }
    }

    @EventListener(ClusterEventsMissed.class)
    void onClusterEventsMissed() {
        committed.forgetAll();
        list.changedAll();
    }
}
