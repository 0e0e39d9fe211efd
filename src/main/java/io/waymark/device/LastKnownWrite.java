package io.waymark.device;

import java.time.Instant;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;

/**
 * A device row's last-known location as an {@code UPDATE} that matched the row wrote it: the fix,
 * when it was received, and the {@code last_seen} written with it (null: left as it was). The
 * device list patches its entry from this instead of reading the row again.
 */
public record LastKnownWrite(DeviceId device, Location location, Instant receivedAt, Instant seen) {

    /**
     * The entry {@code before} (what the list showed) with this write applied, as a read of the
     * row would give it: the location replaced, {@code tid} replaced when the fix has one, and
     * {@code last_seen} moved forward. {@code before} itself when it already shows this fix or a
     * later one: it was read after this write committed.
     */
    DeviceView applyTo(DeviceView before) {
        if (before.location() != null && before.location().tst() >= location.tst()) {
            return before;
        }
        PresenceView p = before.presence();
        return new DeviceView(before.user(), before.device(), location.tid() != null ? location.tid() : before.tid(),
                before.name(), new PresenceView(p.state(), p.since(), latest(p.lastSeen(), seen), p.reason()),
                LocationView.of(location, receivedAt), before.transport(), before.face(), before.status(),
                before.configuration());
    }

    /**
     * Whether a read of the row would give back exactly what this holds. Both databases keep
     * instants to the microsecond (Waymark's clock ticks in them); a finer one, rounded there, is
     * read again rather than guessed, and so are regions that do not survive their column
     * ({@link RegionList}: an empty name, or one with a newline).
     */
    boolean readsBackExactly() {
        return microseconds(receivedAt) && (seen == null || microseconds(seen))
                && RegionList.parse(RegionList.format(location.inregions())).equals(location.inregions());
    }

    /** This write after {@code earlier}, both committed: what the row holds after both, or null when that is not known here. */
    LastKnownWrite after(LastKnownWrite earlier) {
        LastKnownWrite later = location.tst() >= earlier.location.tst() ? this : earlier;
        LastKnownWrite other = later == this ? earlier : this;
        if (later.location.tid() == null && other.location.tid() != null) {
            return null; // the row's tid is the earlier one's, or one written between them elsewhere
        }
        return new LastKnownWrite(device, later.location, later.receivedAt, latest(later.seen, other.seen));
    }

    /** The later of two {@code last_seen}s, either of them null (none): the column only moves forward. */
    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static boolean microseconds(Instant instant) {
        return instant.getNano() % 1_000 == 0;
    }
}
