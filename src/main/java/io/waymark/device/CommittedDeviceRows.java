package io.waymark.device;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transport;
import org.springframework.stereotype.Component;

/**
 * What {@link DeviceRegistry} remembers of the committed device rows, so that a batch skips the
 * writes they already hold: which rows exist, and each one's transport. Forgotten whenever rows
 * may have gone (a user's data erased, here or on another instance, or cluster events missed):
 * a remembered row that is gone would make the next batch skip its insert, and its last-known
 * location would update nothing. What a batch learned before a forget is not kept after it.
 */
@Component
class CommittedDeviceRows {

    private final Set<DeviceId> existing = ConcurrentHashMap.newKeySet();

    private final Map<DeviceId, Transport> transports = new ConcurrentHashMap<>();

    private long generation;

    boolean exists(DeviceId device) {
        return existing.contains(device);
    }

    Transport transport(DeviceId device) {
        return transports.get(device);
    }

    /** Taken before a batch reads this memory; hand it back with what the batch committed. */
    synchronized long generation() {
        return generation;
    }

    /** After a commit: these rows exist, unless they were forgotten since {@code generation}. */
    synchronized void committed(Collection<DeviceId> devices, long generation) {
        if (generation == this.generation) {
            existing.addAll(devices);
        }
    }

    /** After a commit: these rows hold these transports, unless forgotten since {@code generation}. */
    synchronized void committed(Map<DeviceId, Transport> written, long generation) {
        if (generation == this.generation) {
            transports.putAll(written);
        }
    }

    synchronized void forgetAll() {
        generation++;
        existing.clear();
        transports.clear();
    }
}
