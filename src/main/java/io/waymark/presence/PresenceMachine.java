package io.waymark.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.waymark.owntracks.DeviceId;

/**
 * The presence state machine: a signal in, the change it makes (or none) out. Pure: no Spring,
 * no database, time from the {@link Clock} (or the message); {@link PresenceTracker} stores
 * and publishes what it decides. Thread-safe (one lock: most signals change nothing).
 * <p>
 * Signals, strongest first: a live connection held by the embedded broker (while it exists,
 * wills and timeouts do not apply); a will ({@code lwt}); any other message from the device;
 * silence longer than the timeout.
 * <p>
 * Its memory is this instance's view; with several instances on one database the stored row is
 * the truth. So the machine's decisions are proposals that {@link PresenceStore} writes only
 * where they still change the row, {@link #reassert} re-proposes what memory holds when another
 * instance may have changed the row, and timeouts are looked for in the stored last-seen
 * ({@link #sweep(Map)}), which is what the whole cluster heard.
 */
final class PresenceMachine {

    private final Clock clock;

    private final Duration timeout;

    private final Map<DeviceId, Presence> current = new HashMap<>();

    /** Devices with connections in the embedded broker: client id → when it connected. */
    private final Map<DeviceId, Map<String, Instant>> connections = new HashMap<>();

    /** When the embedded broker last saw a connection for the device start. */
    private final Map<DeviceId, Instant> lastConnect = new HashMap<>();

    PresenceMachine(Clock clock, Duration timeout, Map<DeviceId, Presence> stored) {
        this.clock = clock;
        this.timeout = timeout;
        this.current.putAll(stored);
    }

    /** Starts again from what is stored (decisions of a rolled-back transaction are forgotten). */
    synchronized void reset(Map<DeviceId, Presence> stored) {
        current.clear();
        current.putAll(stored);
    }

    synchronized Presence presence(DeviceId device) {
        return current.get(device);
    }

    /** A message from the device (not a will, not a command to it, not a retained replay). */
    synchronized PresenceChanged messageReceived(DeviceId device, Instant at) {
        Presence before = current.get(device);
        if (before != null && before.online()) {
            current.put(device, before.seen(at));
            return null;
        }
        if (before != null && lastConnect.containsKey(device) && !connections.containsKey(device)) {
            // the embedded broker says the device is gone; this message was already in flight
            current.put(device, before.seen(at));
            return null;
        }
        return change(device, PresenceState.ONLINE, PresenceReason.MESSAGE, at, at);
    }

    /**
     * The device's will arrived. Stale, and ignored, while the broker holds a live connection
     * for the device, or when it is older ({@code willTst}) than the device's latest connection.
     */
    synchronized PresenceChanged willReceived(DeviceId device, Long willTst, Instant at) {
        if (willIsStale(device, willTst)) {
            return null;
        }
        Presence before = current.get(device);
        if (before != null && !before.online()) {
            return null;
        }
        return change(device, PresenceState.OFFLINE, PresenceReason.LWT, at, before == null ? null : before.lastSeen());
    }

    /** Whether a will is stale: the broker holds a live connection, or the will predates the latest one. */
    synchronized boolean willIsStale(DeviceId device, Long willTst) {
        if (connections.containsKey(device)) {
            return true;
        }
        Instant connected = lastConnect.get(device);
        return willTst != null && connected != null && willTst < connected.getEpochSecond();
    }

    /**
     * What memory holds for the device, as a change to assert on a row another instance may have
     * changed (a timeout there while this instance heard the device, say); null when unknown.
     */
    synchronized PresenceChanged reassert(DeviceId device, PresenceReason reason, Instant at) {
        Presence known = current.get(device);
        return known == null ? null
                : new PresenceChanged(device, new Presence(known.state(), reason, at, known.lastSeen()));
    }

    /** Takes what the store (or another instance, through it) holds for these devices. */
    synchronized void remember(Map<DeviceId, Presence> stored) {
        current.putAll(stored);
    }

    /** The embedded broker accepted a connection that belongs to the device. */
    synchronized PresenceChanged connected(DeviceId device, String clientId) {
        Instant at = clock.instant();
        connections.computeIfAbsent(device, d -> new HashMap<>()).put(clientId, at);
        lastConnect.put(device, at);
        Presence before = current.get(device);
        if (before != null && before.online()) {
            current.put(device, before.seen(at));
            return null;
        }
        return change(device, PresenceState.ONLINE, PresenceReason.CONNECT, at, at);
    }

    /** A client of the device went away; the device is offline when its last one has. */
    synchronized PresenceChanged disconnected(DeviceId device, String clientId) {
        Instant at = clock.instant();
        Map<String, Instant> live = connections.get(device);
        if (live == null || live.remove(clientId) == null || !live.isEmpty()) {
            return null;
        }
        connections.remove(device);
        Presence before = current.get(device);
        if (before != null && !before.online()) {
            return null;
        }
        return change(device, PresenceState.OFFLINE, PresenceReason.DISCONNECT, at, at);
    }

    /**
     * The embedded broker is starting: every connection of a previous run died with it, so
     * devices still marked online are offline until they connect again.
     */
    synchronized List<PresenceChanged> brokerStarting() {
        Instant now = clock.instant();
        connections.clear();
        List<PresenceChanged> changes = new ArrayList<>();
        for (Map.Entry<DeviceId, Presence> entry : List.copyOf(current.entrySet())) {
            if (entry.getValue().online()) {
                changes.add(change(entry.getKey(), PresenceState.OFFLINE, PresenceReason.DISCONNECT, now,
                        entry.getValue().lastSeen()));
            }
        }
        return changes;
    }

    /** Devices silent since before it are timed out. */
    Instant cutoff() {
        return clock.instant().minus(timeout);
    }

    /**
     * Times out the devices the store found online and silent since before {@link #cutoff()}
     * (device to stored last-seen), except those a live connection vouches for.
     */
    synchronized List<PresenceChanged> sweep(Map<DeviceId, Instant> silent) {
        Instant now = clock.instant();
        List<PresenceChanged> changes = new ArrayList<>();
        silent.forEach((device, lastSeen) -> {
            if (!connections.containsKey(device)) {
                changes.add(change(device, PresenceState.OFFLINE, PresenceReason.TIMEOUT, now, lastSeen));
            }
        });
        return changes;
    }

    private PresenceChanged change(DeviceId device, PresenceState state, PresenceReason reason, Instant at,
            Instant lastSeen) {
        Presence next = new Presence(state, reason, at, lastSeen);
        current.put(device, next);
        return new PresenceChanged(device, next);
    }
}
