package io.waymark.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.waymark.broker.BrokerEvent;
import io.waymark.broker.BrokerEvent.BrokerStarting;
import io.waymark.broker.BrokerEvent.DeviceConnected;
import io.waymark.broker.BrokerEvent.DeviceDisconnected;
import io.waymark.cluster.ClusterEventsMissed;
import io.waymark.cluster.RemoteEvents;
import io.waymark.config.AfterCommit;
import io.waymark.config.SqlDialect;
import io.waymark.device.DeviceChanges;
import io.waymark.device.DeviceRegistry;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Lwt;
import io.waymark.owntracks.ReceivedMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Feeds the {@link PresenceMachine} its signals, stores the changes (the presence columns and
 * {@code presence_event}, and last-seen through the {@link DeviceRegistry}) and publishes each
 * as {@link PresenceChanged} after the commit. Which message is a sign of life is decided here
 * and nowhere else: not a will (it says the opposite), not a command (sent <em>to</em> the
 * device), not a retained replay (the broker's memory, not the device now).
 * <p>
 * Memory is a cache of the rows, which other instances may write: only what the store says hit
 * its row is published; a decision the row overruled sends memory back to the row; another
 * instance's {@link PresenceChanged} (replayed by {@code cluster}) updates memory.
 */
@Component
public class PresenceTracker {

    private final PresenceMachine machine;

    private final PresenceStore store;

    private final DeviceRegistry devices;

    private final DeviceChanges deviceChanges;

    private final TransactionOperations transactions;

    private final ApplicationEventPublisher events;

    private final RemoteEvents remoteEvents;

    /**
     * Whether other instances may write the rows (PostgreSQL): only then can a row disagree with
     * memory, and only then is memory re-asserted. On H2 (one instance) that conditional UPDATE
     * per device and batch never hit a row, and cost 5% of the writer.
     */
    private final boolean sharedRows;

    /** Set when a transaction rolled back after the machine had decided changes in memory. */
    private volatile boolean stale;

    PresenceTracker(PresenceStore store, DeviceRegistry devices, DeviceChanges deviceChanges,
            TransactionOperations transactions, ApplicationEventPublisher events, RemoteEvents remoteEvents,
            PresenceProperties properties, SqlDialect dialect, Clock clock) {
        this.store = store;
        this.sharedRows = dialect.isPostgres();
        this.remoteEvents = remoteEvents;
        this.devices = devices;
        this.deviceChanges = deviceChanges;
        this.transactions = transactions;
        this.events = events;
        this.machine = new PresenceMachine(clock, properties.timeout(), store.loadAll());
    }

    /** When each device was last heard from in these messages: the signs of life, nothing else. */
    public static Map<DeviceId, Instant> lastSeen(List<ReceivedMessage> messages) {
        Map<DeviceId, Instant> lastSeen = new HashMap<>();
        for (ReceivedMessage m : messages) {
            if (isSignOfLife(m)) {
                lastSeen.merge(m.deviceId(), m.receivedAt(), PresenceTracker::later);
            }
        }
        return lastSeen;
    }

    private static boolean isSignOfLife(ReceivedMessage m) {
        return !m.retained() && !m.isCommand() && !(m.message() instanceof Lwt);
    }

    /**
     * The ingestion writer's hand-off, inside its transaction; the device rows exist.
     *
     * @param lastSeenWritten the {@code last_seen}s already written in this transaction (with the
     *        last-known location): not written again unless this batch moves one further
     */
    public void record(List<ReceivedMessage> messages, Map<DeviceId, Instant> lastSeenWritten) {
        reloadIfStale();
        Proposals proposals = new Proposals();
        Map<DeviceId, Instant> lastSeen = lastSeen(messages);
        for (ReceivedMessage m : messages) {
            if (m.retained() || m.isCommand() && !(m.message() instanceof Lwt)) {
                continue;
            }
            DeviceId device = m.deviceId();
            if (m.message() instanceof Lwt will) {
                PresenceChanged change = machine.willReceived(device, will.tst(), m.receivedAt());
                if (sharedRows && change == null && !machine.willIsStale(device, will.tst())) {
                    // memory says offline already; the row may say online (another instance heard the device)
                    proposals.reassert(machine.reassert(device, PresenceReason.LWT, m.receivedAt()));
                }
                proposals.decided(change);
            }
            else {
                PresenceChanged change = machine.messageReceived(device, m.receivedAt());
                Presence now = machine.presence(device);
                if (sharedRows && change == null && now != null && now.online()) {
                    // memory says online; the row may say offline (another instance timed it out)
                    proposals.reassert(machine.reassert(device, PresenceReason.MESSAGE, m.receivedAt()));
                }
                proposals.decided(change);
            }
        }
        store(proposals, lastSeen, lastSeenWritten, false);
    }

    void on(BrokerEvent event) {
        reloadIfStale();
        Proposals changes = new Proposals();
        if (event instanceof BrokerStarting) {
            machine.brokerStarting().forEach(changes::decided);
        }
        else if (event instanceof DeviceConnected c) {
            changes.decided(machine.connected(c.deviceId(), c.clientId()));
        }
        else if (event instanceof DeviceDisconnected d) {
            changes.decided(machine.disconnected(d.deviceId(), d.clientId()));
        }
        storeOnItsOwn(changes, false);
    }

    /** Marks devices offline that the whole cluster has not heard from for too long. */
    void sweep() {
        reloadIfStale();
        Map<DeviceId, Instant> silent = store.silentSince(machine.cutoff());
        if (silent.isEmpty()) {
            return;
        }
        Proposals timeouts = new Proposals();
        machine.sweep(silent).forEach(timeouts::decided);
        storeOnItsOwn(timeouts, true);
    }

    /** Another instance's change: memory follows the row (ours are in memory already). */
    @EventListener
    void onPresenceChanged(PresenceChanged changed) {
        if (remoteEvents.isRemote(changed)) {
            machine.remember(Map.of(changed.deviceId(), changed.presence()));
        }
    }

    /** Other instances' changes may have been missed: start again from the rows. */
    @EventListener(ClusterEventsMissed.class)
    void onClusterEventsMissed() {
        stale = true;
    }

    /**
     * Rows are gone (a user's data erased): once that commits, start again from the rows, so that
     * memory does not keep a presence no row holds any more and skip writing it when the device
     * comes back.
     */
    void rowsErased() {
        AfterCommit.run(() -> stale = true);
    }

    private void storeOnItsOwn(Proposals changes, boolean timeouts) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            devices.ensure(changes.devices());
            store(changes, new HashMap<>(), Map.of(), timeouts);
        });
    }

    private void store(Proposals proposals, Map<DeviceId, Instant> lastSeen, Map<DeviceId, Instant> written,
            boolean timeouts) {
        if (proposals.isEmpty() && lastSeen.isEmpty()) {
            return;
        }
        AfterCommit.onRollback(() -> stale = true);
        if (!timeouts) {
            for (PresenceChanged c : proposals.all) {
                if (c.presence().lastSeen() != null) {
                    lastSeen.merge(c.deviceId(), c.presence().lastSeen(), PresenceTracker::later);
                }
            }
        }
        // what is written already would not move: the row holds at least that (and the row lock)
        lastSeen.entrySet().removeIf(e -> written.containsKey(e.getKey()) && !written.get(e.getKey()).isBefore(e.getValue()));
        // last-seen first: its row lock orders this transaction against another instance's timeout
        devices.updateLastSeen(lastSeen);
        List<PresenceChanged> stored = timeouts ? store.recordTimeouts(proposals.all) : store.record(proposals.all);
        deviceChanges.changed(stored.stream().map(PresenceChanged::deviceId).toList()); // the rows the store changed
        List<DeviceId> overruled = proposals.decidedBut(stored);
        if (!overruled.isEmpty()) {
            machine.remember(store.load(overruled)); // the row had moved on: memory follows it
        }
        AfterCommit.publish(events, stored);
    }

    private void reloadIfStale() {
        if (stale) {
            stale = false;
            machine.reset(store.loadAll());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * What one batch proposes to store, in order: the machine's decisions, and re-assertions of
     * what memory holds (one per device and state in a row, not one per message).
     */
    private static final class Proposals {

        private final List<PresenceChanged> all = new ArrayList<>();

        private final Set<PresenceChanged> decided = Collections.newSetFromMap(new IdentityHashMap<>());

        private final Map<DeviceId, PresenceState> last = new HashMap<>();

        void decided(PresenceChanged change) {
            if (change != null) {
                all.add(change);
                decided.add(change);
                last.put(change.deviceId(), change.presence().state());
            }
        }

        void reassert(PresenceChanged change) {
            if (change != null && last.get(change.deviceId()) != change.presence().state()) {
                all.add(change);
                last.put(change.deviceId(), change.presence().state());
            }
        }

        boolean isEmpty() {
            return all.isEmpty();
        }

        List<DeviceId> devices() {
            return all.stream().map(PresenceChanged::deviceId).distinct().toList();
        }

        /** Devices with a decision that did not hit its row: memory went where the row did not. */
        List<DeviceId> decidedBut(List<PresenceChanged> stored) {
            Set<PresenceChanged> hit = Collections.newSetFromMap(new IdentityHashMap<>());
            hit.addAll(stored);
            return decided.stream().filter(c -> !hit.contains(c)).map(PresenceChanged::deviceId).distinct().toList();
        }
    }
}
