package io.waymark.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.waymark.broker.BrokerEvent;
import io.waymark.broker.BrokerEvent.BrokerStarting;
import io.waymark.broker.BrokerEvent.DeviceConnected;
import io.waymark.broker.BrokerEvent.DeviceDisconnected;
import io.waymark.config.AfterCommit;
import io.waymark.device.DeviceRegistry;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Lwt;
import io.waymark.owntracks.ReceivedMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Feeds the {@link PresenceMachine} its signals, stores the changes (the presence columns and
 * {@code presence_event}, and last-seen through the {@link DeviceRegistry}) and publishes each
 * as {@link PresenceChanged} after the commit. Which message is a sign of life is decided here
 * and nowhere else: not a will (it says the opposite), not a command (sent <em>to</em> the
 * device), not a retained replay (the broker's memory, not the device now).
 */
@Component
public class PresenceTracker {

    private final PresenceMachine machine;

    private final PresenceStore store;

    private final DeviceRegistry devices;

    private final TransactionOperations transactions;

    private final ApplicationEventPublisher events;

    /** Set when a transaction rolled back after the machine had decided changes in memory. */
    private volatile boolean stale;

    PresenceTracker(PresenceStore store, DeviceRegistry devices, TransactionOperations transactions,
            ApplicationEventPublisher events, PresenceProperties properties, Clock clock) {
        this.store = store;
        this.devices = devices;
        this.transactions = transactions;
        this.events = events;
        this.machine = new PresenceMachine(clock, properties.timeout(), store.loadAll());
    }

    /** The ingestion writer's hand-off, inside its transaction; the device rows exist. */
    public void record(List<ReceivedMessage> messages) {
        reloadIfStale();
        List<PresenceChanged> changes = new ArrayList<>();
        Map<DeviceId, Instant> lastSeen = new HashMap<>();
        for (ReceivedMessage m : messages) {
            if (m.retained()) {
                continue;
            }
            PresenceChanged change;
            if (m.message() instanceof Lwt will) {
                change = machine.willReceived(m.deviceId(), will.tst(), m.receivedAt());
            }
            else if (m.isCommand()) {
                continue;
            }
            else {
                change = machine.messageReceived(m.deviceId(), m.receivedAt());
                lastSeen.merge(m.deviceId(), m.receivedAt(), PresenceTracker::later);
            }
            if (change != null) {
                changes.add(change);
            }
        }
        store(changes, lastSeen);
    }

    void on(BrokerEvent event) {
        reloadIfStale();
        List<PresenceChanged> changes = new ArrayList<>();
        if (event instanceof BrokerStarting) {
            changes.addAll(machine.brokerStarting());
        }
        else if (event instanceof DeviceConnected c) {
            addIfAny(changes, machine.connected(c.deviceId(), c.clientId()));
        }
        else if (event instanceof DeviceDisconnected d) {
            addIfAny(changes, machine.disconnected(d.deviceId(), d.clientId()));
        }
        storeOnItsOwn(changes);
    }

    /** Marks devices offline that have been silent too long. */
    void sweep() {
        reloadIfStale();
        storeOnItsOwn(machine.sweep());
    }

    private void storeOnItsOwn(List<PresenceChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            devices.ensure(changes.stream().map(PresenceChanged::deviceId).toList());
            store(changes, new HashMap<>());
        });
    }

    private void store(List<PresenceChanged> changes, Map<DeviceId, Instant> lastSeen) {
        AfterCommit.onRollback(() -> stale = true);
        for (PresenceChanged c : changes) {
            if (c.presence().lastSeen() != null) {
                lastSeen.merge(c.deviceId(), c.presence().lastSeen(), PresenceTracker::later);
            }
        }
        store.record(changes);
        devices.updateLastSeen(lastSeen);
        AfterCommit.publish(events, changes);
    }

    private void reloadIfStale() {
        if (stale) {
            stale = false;
            machine.reset(store.loadAll());
        }
    }

    private static void addIfAny(List<PresenceChanged> changes, PresenceChanged change) {
        if (change != null) {
            changes.add(change);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
