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
        Instant lastSeen = seen == null || (p.lastSeen() != null && !p.lastSeen().isBefore(seen)) ? p.lastSeen() : seen;
        return new DeviceView(before.user(), before.device(), location.tid() != null ? location.tid() : before.tid(),
                before.name(), new PresenceView(p.state(), p.since(), lastSeen, p.reason()), asRead(), before.transport(),
                before.face(), before.status(), before.configuration());
    }

    /**
     * Whether a read of the row would give back exactly what this holds. Both databases keep
     * instants to the microsecond (Waymark's clock ticks in them); a finer one, rounded there, is
     * read again rather than guessed.
     */
    boolean readsBackExactly() {
        return microseconds(receivedAt) && (seen == null || microseconds(seen));
    }

    /** This write after {@code earlier}, both committed: what the row holds after both, or null when that is not known here. */
    LastKnownWrite after(LastKnownWrite earlier) {
        LastKnownWrite later = location.tst() >= earlier.location.tst() ? this : earlier;
        LastKnownWrite other = later == this ? earlier : this;
        if (later.location.tid() == null && other.location.tid() != null) {
            return null; // the row's tid is the earlier one's, or one written between them elsewhere
        }
        Instant lastSeen = later.seen == null || (other.seen != null && other.seen.isAfter(later.seen)) ? other.seen
                : later.seen;
        return new LastKnownWrite(device, later.location, later.receivedAt, lastSeen);
    }

    /** The location as {@link LocationView#read} reads it back from the row. */
    private LocationView asRead() {
        Location l = location;
        return new LocationView(l.lat(), l.lon(), l.acc(), l.alt(), l.vel(), l.cog(), l.batt(), l.bs(), l.conn(), l.tst(),
                Instant.ofEpochSecond(l.tst()), receivedAt, RegionList.parse(RegionList.format(l.inregions())));
    }

    private static boolean microseconds(Instant instant) {
        return instant.getNano() % 1_000 == 0;
    }
}
