package io.waymark.device;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transport;
import org.springframework.stereotype.Component;

/**
 * What {@link DeviceRegistry} remembers of the committed device rows, so that a batch skips the
 * reads and writes they already answer: which rows exist with which {@code id} (the location
 * history's key is made from it), and each one's transport. Forgotten whenever rows may have gone
 * (a user's data erased, here or on another instance, or cluster events missed): a remembered row
 * that is gone would make the next batch skip its insert, its last-known location would update
 * nothing and its history would be keyed by the old row's id. What a batch learned before a forget
 * is not kept after it.
 */
@Component
class CommittedDeviceRows {

    private final Map<DeviceId, Long> ids = new ConcurrentHashMap<>();

    private final Map<DeviceId, Transport> transports = new ConcurrentHashMap<>();

    private long generation;

    /** The committed row's id, or null when this memory does not know the row. */
    Long id(DeviceId device) {
        return ids.get(device);
    }

    Transport transport(DeviceId device) {
        return transports.get(device);
    }

    /** Taken before a batch reads this memory; hand it back with what the batch committed. */
    synchronized long generation() {
        return generation;
    }

    /** After a commit: these rows exist with these ids, unless forgotten since {@code generation}. */
    synchronized void rowsCommitted(Map<DeviceId, Long> rows, long generation) {
        if (generation == this.generation) {
            ids.putAll(rows);
        }
    }

    /** After a commit: these rows hold these transports, unless forgotten since {@code generation}. */
    synchronized void transportsCommitted(Map<DeviceId, Transport> written, long generation) {
        if (generation == this.generation) {
            transports.putAll(written);
        }
    }

    synchronized void forgetAll() {
        generation++;
        ids.clear();
        transports.clear();
    }
}
