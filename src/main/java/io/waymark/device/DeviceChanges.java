package io.waymark.device;

import java.util.Collection;
import java.util.List;

import io.waymark.config.AfterCommit;
import io.waymark.config.EventAudience;
import io.waymark.config.EventAudiences;
import io.waymark.owntracks.DeviceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The hook every writer of the {@code device} table calls, so that the device list
 * ({@code GET /api/v1/devices}) shows what it wrote: in the writing transaction, after the SQL;
 * the marks are set once it commits (at once outside a transaction), never for a rollback. One
 * call per batch, with the set of devices: it only queues them, on this instance and, as
 * {@link DevicesChanged}, on the others. The event is built only when an {@link EventAudience}
 * wants it (the cluster notifier, on PostgreSQL): on one instance a batch costs none.
 */
@Component
public class DeviceChanges {

    /** Devices per cluster event, so that one fits a notification. */
    private static final int PER_EVENT = 100;

    private final DeviceListCache list;

    private final ApplicationEventPublisher events;

    private final EventAudiences audiences;

    private final CommittedDeviceRows committed;

    DeviceChanges(DeviceListCache list, ApplicationEventPublisher events, EventAudiences audiences,
            CommittedDeviceRows committed) {
        this.list = list;
        this.committed = committed;
        this.events = events;
        this.audiences = audiences;
    }

    /** The rows of {@code devices} changed: created, updated or deleted. */
    public void changed(Collection<DeviceId> devices) {
        if (devices.isEmpty()) {
            return;
        }
        List<DeviceId> all = List.copyOf(devices);
        AfterCommit.run(() -> {
            list.changed(all);
            tellOthers(all);
        });
    }

    /**
     * These last-known locations were written (their {@code UPDATE}s matched the rows): the device
     * list patches them in as written, without reading the rows again; other instances are told
     * the devices changed.
     */
    public void lastKnownWritten(Collection<LastKnownWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<LastKnownWrite> all = List.copyOf(writes);
        AfterCommit.run(() -> {
            list.written(all);
            tellOthers(all.stream().map(LastKnownWrite::device).toList());
        });
    }

    /** Any row may have changed or gone (a user's devices erased). */
    public void changedAll() {
        AfterCommit.run(() -> {
            committed.forgetAll();
            list.changedAll();
            publish(new DevicesChanged(List.of(), true));
        });
    }

    private void tellOthers(List<DeviceId> changed) {
        for (int from = 0; from < changed.size(); from += PER_EVENT) {
            publish(new DevicesChanged(changed.subList(from, Math.min(changed.size(), from + PER_EVENT)), false));
        }
    }

    private void publish(DevicesChanged changed) {
        if (audiences.anyWants(changed)) {
            events.publishEvent(changed);
        }
    }
}
