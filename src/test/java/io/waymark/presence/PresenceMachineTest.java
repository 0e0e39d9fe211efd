package io.waymark.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.waymark.owntracks.DeviceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The presence rules, signal by signal, on a clock the test moves. */
class PresenceMachineTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    static final Duration TIMEOUT = Duration.ofMinutes(90);

    static final DeviceId PHONE = new DeviceId("jane", "phone");

    private final MovableClock clock = new MovableClock(T0);

    private final PresenceMachine machine = new PresenceMachine(clock, TIMEOUT, Map.of());

    @Test
    void firstMessageMarksDeviceOnlineWithReasonMessage() {
        PresenceChanged change = machine.messageReceived(PHONE, T0);
        assertThat(change).isEqualTo(new PresenceChanged(PHONE,
                new Presence(PresenceState.ONLINE, PresenceReason.MESSAGE, T0, T0)));
    }

    @Test
    void furtherMessagesChangeNothingButMoveLastSeen() {
        machine.messageReceived(PHONE, T0);
        assertThat(machine.messageReceived(PHONE, T0.plusSeconds(60))).isNull();
        assertThat(machine.presence(PHONE).lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(machine.presence(PHONE).since()).isEqualTo(T0);
    }

    @Test
    void anOlderMessageDoesNotMoveLastSeenBackwards() {
        machine.messageReceived(PHONE, T0.plusSeconds(60));
        machine.messageReceived(PHONE, T0);
        assertThat(machine.presence(PHONE).lastSeen()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void willMarksAnOnlineDeviceOfflineKeepingLastSeen() {
        machine.messageReceived(PHONE, T0);
        PresenceChanged change = machine.willReceived(PHONE, T0.getEpochSecond(), T0.plusSeconds(30));
        assertThat(change.presence()).isEqualTo(new Presence(PresenceState.OFFLINE, PresenceReason.LWT,
                T0.plusSeconds(30), T0));
    }

    @Test
    void willOfAnUnknownDeviceMarksItOfflineWithoutLastSeen() {
        PresenceChanged change = machine.willReceived(PHONE, null, T0);
        assertThat(change.presence()).isEqualTo(new Presence(PresenceState.OFFLINE, PresenceReason.LWT, T0, null));
    }

    @Test
    void secondWillOfAnOfflineDeviceChangesNothing() {
        machine.willReceived(PHONE, null, T0);
        assertThat(machine.willReceived(PHONE, null, T0.plusSeconds(1))).isNull();
    }

    @Test
    void willIsStaleWhileTheBrokerHoldsALiveConnection() {
        machine.connected(PHONE, "jane-phone");
        assertThat(machine.willReceived(PHONE, null, T0.plusSeconds(5))).isNull();
        assertThat(machine.presence(PHONE).online()).isTrue();
    }

    @Test
    void willOlderThanTheDevicesLatestConnectionIsStale() {
        onlineAfterAConnectionAt(T0.plusSeconds(600));
        assertThat(machine.willReceived(PHONE, T0.getEpochSecond(), T0.plusSeconds(700))).isNull();
        assertThat(machine.presence(PHONE).online()).isTrue();
    }

    @Test
    void willWrittenAfterTheDevicesLatestConnectionCounts() {
        onlineAfterAConnectionAt(T0.plusSeconds(600));
        PresenceChanged change = machine.willReceived(PHONE, T0.plusSeconds(650).getEpochSecond(), T0.plusSeconds(700));
        assertThat(change.presence().state()).isEqualTo(PresenceState.OFFLINE);
        assertThat(change.presence().reason()).isEqualTo(PresenceReason.LWT);
    }

    @Test
    void willWithoutTstIsNotStale() {
        onlineAfterAConnectionAt(T0.plusSeconds(600));
        assertThat(machine.willReceived(PHONE, null, T0.plusSeconds(700))).isNotNull();
    }

    /** Connected then gone at {@code at}, and online again as stored (e.g. reloaded after a rollback). */
    private void onlineAfterAConnectionAt(Instant at) {
        clock.advance(Duration.between(T0, at));
        machine.connected(PHONE, "client");
        machine.disconnected(PHONE, "client");
        machine.reset(Map.of(PHONE, new Presence(PresenceState.ONLINE, PresenceReason.MESSAGE, at, at)));
    }

    @Test
    void connectMarksDeviceOnlineWithReasonConnect() {
        PresenceChanged change = machine.connected(PHONE, "jane-phone");
        assertThat(change.presence()).isEqualTo(new Presence(PresenceState.ONLINE, PresenceReason.CONNECT, T0, T0));
    }

    @Test
    void disconnectOfTheLastClientMarksDeviceOffline() {
        machine.connected(PHONE, "a");
        machine.connected(PHONE, "b");
        clock.advance(Duration.ofSeconds(10));
        assertThat(machine.disconnected(PHONE, "a")).isNull();
        PresenceChanged change = machine.disconnected(PHONE, "b");
        assertThat(change.presence()).isEqualTo(new Presence(PresenceState.OFFLINE, PresenceReason.DISCONNECT,
                T0.plusSeconds(10), T0.plusSeconds(10)));
    }

    @Test
    void disconnectOfAnUnknownClientChangesNothing() {
        machine.connected(PHONE, "a");
        assertThat(machine.disconnected(PHONE, "someone-else")).isNull();
        assertThat(machine.presence(PHONE).online()).isTrue();
    }

    @Test
    void messageInFlightAfterTheBrokerSawTheDeviceGoDoesNotBringItBack() {
        machine.connected(PHONE, "a");
        machine.disconnected(PHONE, "a");
        assertThat(machine.messageReceived(PHONE, T0.plusSeconds(1))).isNull();
        assertThat(machine.presence(PHONE).state()).isEqualTo(PresenceState.OFFLINE);
        assertThat(machine.presence(PHONE).lastSeen()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void theCutoffIsTheTimeoutAgo() {
        clock.advance(Duration.ofSeconds(5));
        assertThat(machine.cutoff()).isEqualTo(T0.plusSeconds(5).minus(TIMEOUT));
    }

    @Test
    void aDeviceTheStoreFoundSilentTimesOutKeepingTheStoredLastSeen() {
        machine.messageReceived(PHONE, T0);
        clock.advance(TIMEOUT.plusSeconds(1));
        Instant storedLastSeen = T0.plusSeconds(1);
        assertThat(machine.sweep(Map.of(PHONE, storedLastSeen))).containsExactly(new PresenceChanged(PHONE,
                new Presence(PresenceState.OFFLINE, PresenceReason.TIMEOUT, clock.instant(), storedLastSeen)));
        assertThat(machine.presence(PHONE).online()).isFalse();
    }

    @Test
    void aLiveConnectionVouchesForASilentDevice() {
        machine.connected(PHONE, "a");
        clock.advance(TIMEOUT.multipliedBy(2));
        assertThat(machine.sweep(Map.of(PHONE, T0))).isEmpty();
        assertThat(machine.presence(PHONE).online()).isTrue();
    }

    @Test
    void reassertProposesWhatMemoryHoldsWithTheNewReasonAndTime() {
        machine.messageReceived(PHONE, T0);
        machine.messageReceived(PHONE, T0.plusSeconds(30));
        assertThat(machine.reassert(PHONE, PresenceReason.MESSAGE, T0.plusSeconds(30))).isEqualTo(new PresenceChanged(
                PHONE, new Presence(PresenceState.ONLINE, PresenceReason.MESSAGE, T0.plusSeconds(30), T0.plusSeconds(30))));
        assertThat(machine.reassert(new DeviceId("bob", "unknown"), PresenceReason.MESSAGE, T0)).isNull();
    }

    @Test
    void rememberTakesWhatAnotherInstanceStored() {
        machine.messageReceived(PHONE, T0);
        Presence timedOut = new Presence(PresenceState.OFFLINE, PresenceReason.TIMEOUT, T0.plusSeconds(9), T0);
        machine.remember(Map.of(PHONE, timedOut));
        assertThat(machine.presence(PHONE)).isEqualTo(timedOut);
        assertThat(machine.messageReceived(PHONE, T0.plusSeconds(10)).presence().online()).isTrue();
    }

    @Test
    void aWillIsStaleOnlyWhileAConnectionLivesOrWhenOlderThanTheLatestOne() {
        assertThat(machine.willIsStale(PHONE, null)).isFalse();
        machine.connected(PHONE, "a");
        assertThat(machine.willIsStale(PHONE, null)).isTrue();
        machine.disconnected(PHONE, "a");
        assertThat(machine.willIsStale(PHONE, T0.getEpochSecond() - 1)).isTrue();
        assertThat(machine.willIsStale(PHONE, T0.getEpochSecond())).isFalse();
    }

    @Test
    void brokerStartingMarksEveryOnlineDeviceOffline() {
        DeviceId other = new DeviceId("bob", "tablet");
        PresenceMachine restarted = new PresenceMachine(clock, TIMEOUT, Map.of(
                PHONE, new Presence(PresenceState.ONLINE, PresenceReason.CONNECT, T0.minusSeconds(600), T0.minusSeconds(60)),
                other, new Presence(PresenceState.OFFLINE, PresenceReason.LWT, T0.minusSeconds(600), null)));
        assertThat(restarted.brokerStarting()).containsExactly(new PresenceChanged(PHONE,
                new Presence(PresenceState.OFFLINE, PresenceReason.DISCONNECT, T0, T0.minusSeconds(60))));
    }

    @Test
    void resetForgetsDecisionsAndStartsFromWhatIsStored() {
        machine.messageReceived(PHONE, T0);
        machine.reset(Map.of());
        assertThat(machine.presence(PHONE)).isNull();
        assertThat(machine.messageReceived(PHONE, T0.plusSeconds(1))).isNotNull();
    }

    /** A clock that moves only when told. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
