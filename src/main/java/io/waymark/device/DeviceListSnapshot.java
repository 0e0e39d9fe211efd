package io.waymark.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;

/**
 * The device list as {@code GET /api/v1/devices} answers it now: every device's entry as the
 * JSON bytes the API writes for its {@link DeviceView}, in the list's order (by user and device,
 * as the database sorts them). Immutable: a change makes a new snapshot ({@link #patched}). Any
 * viewer's answer, with any filter, is the kept bytes written out in turn; nothing is serialized
 * or joined per request.
 */
final class DeviceListSnapshot {

    /**
     * One device in the list.
     *
     * @param view what {@code json} was written from; its presence state ({@code offline} also before
     *        any) is the {@code ?state=} filter's
     */
    record Entry(DeviceId id, DeviceView view, byte[] json) {

        static Entry of(DeviceView view, Function<DeviceView, byte[]> writer) {
            return new Entry(new DeviceId(view.user(), view.device()), view, writer.apply(view));
        }

        /** {@code before} again if its view is {@code now} (equal views write equal bytes), else a new entry. */
        static Entry of(Entry before, DeviceView now, Function<DeviceView, byte[]> writer) {
            return before != null && before.view.equals(now) ? before : of(now, writer);
        }

        String state() {
            return view.presence().state();
        }
    }

    /** Never changed once made. */
    private final List<Entry> entries;

    /** Never changed once made; shared by a patch that keeps every device in its place. */
    private final Map<DeviceId, Integer> positions;

    private final long generation;

    private final Instant loadedAt;

    private DeviceListSnapshot(List<Entry> entries, long generation, Instant loadedAt) {
        this(entries, positionsOf(entries), generation, loadedAt);
    }

    private DeviceListSnapshot(List<Entry> entries, Map<DeviceId, Integer> positions, long generation,
            Instant loadedAt) {
        this.entries = entries;
        this.positions = positions;
        this.generation = generation;
        this.loadedAt = loadedAt;
    }

    private static Map<DeviceId, Integer> positionsOf(List<Entry> entries) {
        Map<DeviceId, Integer> positions = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            positions.put(entries.get(i).id(), i);
        }
        return positions;
    }

    /**
     * @param views every device, in the list's order
     * @param generation the count of "everything changed" marks seen before the read began
     * @param loadedAt when the read began
     */
    static DeviceListSnapshot of(List<DeviceView> views, Function<DeviceView, byte[]> writer, long generation,
            Instant loadedAt) {
        return of(views, writer, generation, loadedAt, null);
    }

    /**
     * The same, writing only the views that differ from {@code previous}'s: a periodic re-read of
     * the whole list finds most devices unchanged, and serializing them was half its cost.
     */
    static DeviceListSnapshot of(List<DeviceView> views, Function<DeviceView, byte[]> writer, long generation,
            Instant loadedAt, DeviceListSnapshot previous) {
        List<Entry> entries = new ArrayList<>(views.size());
        for (DeviceView view : views) {
            Entry before = previous == null ? null : previous.entry(new DeviceId(view.user(), view.device()));
            entries.add(Entry.of(before, view, writer));
        }
        return new DeviceListSnapshot(entries, generation, loadedAt);
    }

    /**
     * This list with {@code reread} read again: those in {@code found} replace their entries in
     * place, the others are gone. Null when {@code found} holds a device this list does not:
     * where it goes is the database's sort order to say, so the caller reads everything.
     */
    DeviceListSnapshot patched(Collection<DeviceId> reread, List<DeviceView> found, Function<DeviceView, byte[]> writer) {
        List<Entry> patched = new ArrayList<>(entries);
        Set<DeviceId> gone = new HashSet<>(reread);
        for (DeviceView view : found) {
            DeviceId id = new DeviceId(view.user(), view.device());
            Integer at = positions.get(id);
            if (at == null) {
                return null;
            }
            patched.set(at, Entry.of(view, writer));
            gone.remove(id);
        }
        gone.removeIf(id -> !positions.containsKey(id));
        if (gone.isEmpty()) {
            return new DeviceListSnapshot(patched, positions, generation, loadedAt); // every device in its place
        }
        gone.forEach(id -> patched.set(positions.get(id), null));
        patched.removeIf(Objects::isNull);
        return new DeviceListSnapshot(patched, generation, loadedAt);
    }

    /**
     * This list with {@code reread} read again and new devices among {@code found}, put where
     * {@code order} (every device's id, in the database's sort order, read after {@code found})
     * says. Null when {@code order} holds a device neither here nor in {@code found} (committed
     * after that read): the caller reads everything.
     */
    DeviceListSnapshot rearranged(List<DeviceId> order, Collection<DeviceId> reread, List<DeviceView> found,
            Function<DeviceView, byte[]> writer) {
        Map<DeviceId, DeviceView> now = new HashMap<>(found.size() * 2);
        for (DeviceView view : found) {
            now.put(new DeviceId(view.user(), view.device()), view);
        }
        Set<DeviceId> rereadIds = new HashSet<>(reread);
        List<Entry> arranged = new ArrayList<>(order.size());
        for (DeviceId id : order) {
            DeviceView view = now.get(id);
            Entry before = entry(id);
            if (view != null) {
                arranged.add(Entry.of(before, view, writer));
            }
            else if (before != null && !rereadIds.contains(id)) {
                arranged.add(before);
            }
            else {
                return null; // not in the read of the changed rows: committed since, or re-created
            }
        }
        return new DeviceListSnapshot(arranged, generation, loadedAt);
    }

    /** The device's entry as last written, or null when it is not in this list. */
    DeviceView view(DeviceId id) {
        Entry e = entry(id);
        return e == null ? null : e.view();
    }

    private Entry entry(DeviceId id) {
        Integer at = positions.get(id);
        return at == null ? null : entries.get(at);
    }

    long generation() {
        return generation;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    int size() {
        return entries.size();
    }

    /**
     * The JSON array of the devices {@code viewer} may see, optionally only those of
     * {@code user} and/or in presence {@code state}: what {@code DeviceQueries.devices} returns,
     * as the API writes it.
     */
    JsonArrayBytes answer(Viewer viewer, String user, String state) {
        List<byte[]> wanted = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if ((user == null || user.equals(e.id().user())) && (state == null || state.equals(e.state()))
                    && viewer.canSee(e.id().user())) {
                wanted.add(e.json());
            }
        }
        return new JsonArrayBytes(wanted);
    }
}
