package io.waymark.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Lwt;
import io.waymark.tracking.TrackingWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The presence state machine. Decisions are made in memory (one lock, cheap: most calls find
 * nothing to change) and every change is stored and then published as {@link PresenceChanged}.
 * <p>
 * Signals, strongest first: a live connection held by the embedded broker (while it exists,
 * wills and timeouts do not apply); a will ({@code lwt}); any other message; silence longer
 * than {@link PresenceProperties#timeout()}.
 */
@Component
public class PresenceTracker {

    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

    private final PresenceStore store;

    private final TrackingWriter devices;

    private final TransactionOperations transactions;

    private final ApplicationEventPublisher events;

    private final PresenceProperties properties;

    private final Clock clock;

    private final Map<DeviceId, Presence> current;

    /** Devices with connections in the embedded broker: client id → when it connected. */
    private final Map<DeviceId, Map<String, Instant>> connections = new HashMap<>();

    /** When the embedded broker last saw a connection for the device start. */
    private final Map<DeviceId, Instant> lastConnect = new HashMap<>();

    PresenceTracker(PresenceStore store, TrackingWriter devices, TransactionOperations transactions,
            ApplicationEventPublisher events, PresenceProperties properties, Clock clock) {
        this.store = store;
        this.devices = devices;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.current = new HashMap<>(store.loadAll());
    }

    /** Forgets decisions whose transaction rolled back: the database is the truth again. */
    public synchronized void reload() {
        current.clear();
        current.putAll(store.loadAll());
    }

    /**
     * A message other than a will arrived. Returns the change to store in the caller's
     * transaction, or null. Retained messages are replays, not signs of life: callers skip them.
     */
    public synchronized PresenceChanged messageReceived(DeviceId device, Instant at) {
        Presence before = current.get(device);
        if (before != null && before.online()) {
            current.put(device, before.seen(at));
            return null;
        }
        if (before != null && isBrokerManaged(device) && !connections.containsKey(device)) {
            // the embedded broker says the device is gone; this message was already in flight
            current.put(device, before.seen(at));
            return null;
        }
        return change(device, PresenceState.ONLINE, PresenceReason.MESSAGE, at, at);
    }

    /** The device's will arrived. Returns the change to store, or null when it is stale. */
    public synchronized PresenceChanged willReceived(DeviceId device, Lwt will, Instant at) {
        if (connections.containsKey(device)) {
            log.debug("Ignoring will of {}: the embedded broker holds a live connection for it", device);
            return null;
        }
        Instant connected = lastConnect.get(device);
        if (will.tst() != null && connected != null && will.tst() < connected.getEpochSecond()) {
            log.debug("Ignoring stale will of {} (connection of {} replaced at {})", device, will.tst(), connected);
            return null;
        }
        Presence before = current.get(device);
        if (before != null && !before.online()) {
            return null;
        }
        return change(device, PresenceState.OFFLINE, PresenceReason.LWT, at, before == null ? null : before.lastSeen());
    }

    /**
     * The embedded broker is starting: every connection of a previous run died with it, so
     * devices still marked online are offline until they connect again.
     */
    public void brokerStarting() {
        storeAndPublish(offlineAll(clock.instant()));
    }

    private synchronized List<PresenceChanged> offlineAll(Instant now) {
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

    /** The embedded broker accepted a connection that belongs to the device. */
    public void connected(DeviceId device, String clientId) {
        storeAndPublish(connectedChange(device, clientId, clock.instant()));
    }

    /** The embedded broker saw a client of the device go away (cleanly or not). */
    public void disconnected(DeviceId device, String clientId) {
        storeAndPublish(disconnectedChange(device, clientId, clock.instant()));
    }

    private synchronized PresenceChanged connectedChange(DeviceId device, String clientId, Instant at) {
        connections.computeIfAbsent(device, d -> new HashMap<>()).put(clientId, at);
        lastConnect.put(device, at);
        Presence before = current.get(device);
        if (before != null && before.online()) {
            current.put(device, before.seen(at));
            return null;
        }
        return change(device, PresenceState.ONLINE, PresenceReason.CONNECT, at, at);
    }

    private synchronized PresenceChanged disconnectedChange(DeviceId device, String clientId, Instant at) {
        Map<String, Instant> live = connections.get(device);
        if (live == null || live.remove(clientId) == null) {
            return null;
        }
        if (!live.isEmpty()) {
            return null;
        }
        connections.remove(device);
        Presence before = current.get(device);
        if (before != null && !before.online()) {
            return null;
        }
        return change(device, PresenceState.OFFLINE, PresenceReason.DISCONNECT, at, at);
    }

    /** Marks devices offline that have been silent too long and that no connection vouches for. */
    void sweep() {
        storeAndPublish(timedOut(clock.instant()));
    }

    private synchronized List<PresenceChanged> timedOut(Instant now) {
        Instant cutoff = now.minus(properties.timeout());
        List<PresenceChanged> changes = new ArrayList<>();
        for (Map.Entry<DeviceId, Presence> entry : List.copyOf(current.entrySet())) {
            Presence p = entry.getValue();
            if (p.online() && !connections.containsKey(entry.getKey()) && p.lastSeen() != null
                    && p.lastSeen().isBefore(cutoff)) {
                changes.add(change(entry.getKey(), PresenceState.OFFLINE, PresenceReason.TIMEOUT, now, p.lastSeen()));
            }
        }
        return changes;
    }

    private boolean isBrokerManaged(DeviceId device) {
        return lastConnect.containsKey(device);
    }

    private PresenceChanged change(DeviceId device, PresenceState state, PresenceReason reason, Instant at,
            Instant lastSeen) {
        Presence next = new Presence(state, reason, at, lastSeen);
        current.put(device, next);
        return new PresenceChanged(device, next);
    }

    private void storeAndPublish(PresenceChanged change) {
        if (change != null) {
            storeAndPublish(List.of(change));
        }
    }

    private void storeAndPublish(List<PresenceChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            devices.ensureDevices(changes.stream().map(PresenceChanged::deviceId).toList());
            store.record(changes);
        });
        changes.forEach(events::publishEvent);
    }

    /** For the batch writer: stores changes decided inside its transaction. */
    public void record(List<PresenceChanged> changes) {
        store.record(changes);
    }
}
