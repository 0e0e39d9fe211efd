package io.waymark.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device list as a {@link DeviceListSnapshot}, patched per changed device: under ingestion a
 * batch commits every few milliseconds and moves dozens of devices, so a cache dropped on every
 * write would be empty, and reading and serializing 1,000 devices per request is what made
 * {@code GET /api/v1/devices} slow under load.
 * <p>
 * Writers mark the devices whose rows they changed once they have committed
 * ({@link DeviceChanges}). A read takes the marks, then reads only those rows again (one query)
 * and patches the snapshot. The ingestion writer's last-known locations, most of the changes under
 * load, come with what they wrote ({@link LastKnownWrite}) and are patched in without a read:
 * re-reading them was a quarter of the list's time under load, and kept the device rows in H2's
 * page cache. A new device's place in the order is the database's to say: the ids
 * alone are read, in order, and the list rearranged. An "everything changed" mark (an erased user,
 * missed cluster events) or a large share of the list marked reads everything, writing only the
 * entries that changed. Taking the marks <em>before</em> the query makes this race-free: a mark
 * is set after its commit, so the query that follows sees every change whose mark it took, and a
 * change committed meanwhile leaves a mark for the next read. A mark from another instance can be
 * lost (a NOTIFY that never came), so a snapshot older than {@code waymark.api.device-list-refresh}
 * is read again whole.
 */
@Component
class DeviceListCache {

    /** Patching this many devices or fewer never falls back to reading everything. */
    private static final int ALWAYS_PATCH = 64;

    private final Set<DeviceId> changed = ConcurrentHashMap.newKeySet();

    /** Last-known locations written and committed, not yet in the snapshot; taken like the marks. */
    private final Map<DeviceId, LastKnownWrite> written = new ConcurrentHashMap<>();

    private final AtomicLong everythingChanged = new AtomicLong();

    private final DeviceQueries queries;

    private final Function<DeviceView, byte[]> writer;

    private final Duration refresh;

    private final Clock clock;

    private volatile DeviceListSnapshot snapshot;

    DeviceListCache(DeviceQueries queries, JsonMapper json, DeviceListProperties properties, Clock clock) {
        this.queries = queries;
        this.writer = json::writeValueAsBytes;
        this.refresh = properties.deviceListRefresh();
        this.clock = clock;
    }

    /** These devices' rows changed and are committed. Cheap: the ingestion writer calls it per batch. */
    void changed(Collection<DeviceId> devices) {
        changed.addAll(devices);
    }

    /**
     * These last-known locations are committed: the next read patches them in from here. One
     * that would not read back exactly, or whose {@code tid} after an earlier one's is not known
     * here, marks its device instead.
     */
    void written(Collection<LastKnownWrite> writes) {
        for (LastKnownWrite w : writes) {
            if (!w.readsBackExactly()) {
                changed.add(w.device());
                continue;
            }
            LastKnownWrite merged = written.merge(w.device(), w, (earlier, later) -> later.after(earlier));
            if (merged == null) {
                changed.add(w.device());
            }
        }
    }

    /** Whether the next read re-reads this device's row: a writer marked it and no read took the mark yet. */
    boolean marked(DeviceId device) {
        return changed.contains(device);
    }

    /** Any device row may have changed, or gone. */
    void changedAll() {
        everythingChanged.incrementAndGet();
    }

    /** The list as committed when this was called (or later). */
    DeviceListSnapshot current() {
        DeviceListSnapshot s = snapshot;
        if (s != null && changed.isEmpty() && written.isEmpty() && s.generation() == everythingChanged.get() && !expired(s)) {
            return s;
        }
        synchronized (this) {
            try {
                return refresh();
            }
            catch (RuntimeException ex) {
                everythingChanged.incrementAndGet(); // the marks taken are lost: the next read reads everything
                throw ex;
            }
        }
    }

    private DeviceListSnapshot refresh() {
        DeviceListSnapshot s = snapshot;
        long generation = everythingChanged.get(); // before the query, like the marks
        if (s == null || s.generation() != generation || expired(s)) {
            return reload(generation);
        }
        List<DeviceId> reread = take();
        Map<DeviceId, LastKnownWrite> writes = takeWritten();
        if (reread.isEmpty() && writes.isEmpty()) {
            return s;
        }
        DeviceListSnapshot patched = reread.size() > Math.max(ALWAYS_PATCH, s.size() / 2) ? null
                : patch(s, reread, writes);
        if (patched == null) {
            return reload(generation);
        }
        snapshot = patched;
        return patched;
    }

    /**
     * The written locations applied to their entries, the changed rows read again (a read row
     * already holds every write committed before it); new devices take the place the database's
     * order of the ids alone gives.
     */
    private DeviceListSnapshot patch(DeviceListSnapshot s, List<DeviceId> reread, Map<DeviceId, LastKnownWrite> writes) {
        reread.forEach(writes::remove);
        List<DeviceView> found = new ArrayList<>(writes.size() + reread.size());
        List<DeviceId> ids = new ArrayList<>(writes.size() + reread.size());
        for (LastKnownWrite w : writes.values()) {
            DeviceView before = s.view(w.device());
            if (before == null) {
                reread.add(w.device()); // not in the list yet: its row says where it goes
                continue;
            }
            DeviceView now = w.applyTo(before);
            if (now != before) {
                found.add(now);
                ids.add(w.device());
            }
        }
        if (!reread.isEmpty()) {
            found.addAll(queries.devices(reread));
            ids.addAll(reread);
        }
        if (ids.isEmpty()) {
            return s;
        }
        DeviceListSnapshot patched = s.patched(ids, found, writer);
        return patched != null ? patched : s.rearranged(queries.deviceIds(), ids, found, writer);
    }

    private DeviceListSnapshot reload(long generation) {
        Instant at = clock.instant();
        changed.clear(); // before the query: what commits from here on is marked again
        written.clear();
        DeviceListSnapshot loaded = DeviceListSnapshot.of(queries.devices(Viewer.UNRESTRICTED, null, null), writer,
                generation, at, snapshot);
        snapshot = loaded;
        return loaded;
    }

    /** Takes the marks: each one removed is re-read by the query that follows. */
    private List<DeviceId> take() {
        List<DeviceId> taken = new ArrayList<>();
        for (Iterator<DeviceId> it = changed.iterator(); it.hasNext();) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }

    /** Takes the written locations, like the marks: one merged in after its removal waits for the next read. */
    private Map<DeviceId, LastKnownWrite> takeWritten() {
        Map<DeviceId, LastKnownWrite> taken = new HashMap<>();
        for (DeviceId device : written.keySet()) {
            LastKnownWrite w = written.remove(device);
            if (w != null) {
                taken.put(device, w);
            }
        }
        return taken;
    }

    private boolean expired(DeviceListSnapshot s) {
        return Duration.between(s.loadedAt(), clock.instant()).compareTo(refresh) >= 0;
    }
}
