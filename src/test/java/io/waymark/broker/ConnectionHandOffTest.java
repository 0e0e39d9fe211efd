package io.waymark.broker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundOutput;
import com.hivemq.extension.sdk.api.packets.puback.ModifiablePubackPacket;
import com.hivemq.extension.sdk.api.packets.puback.PubackPacket;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The meeting of a message's commit and its PUBACK, in either order, and the deadline that
 * disconnects a client instead of acknowledging what was not stored, where PUBACKs are held by
 * HiveMQ's PUBACK interceptor (the fallback when no {@link PubackGate} can be installed).
 */
class ConnectionHandOffTest {

    private final ClientService clients = mock(ClientService.class);

    private final PubackDeadlines deadlines = new PubackDeadlines(clients, Duration.ofMillis(200));

    private final ConnectionHandOff connection = new ConnectionHandOff(mock(PublishHandOff.class), deadlines, "phone-1");

    @AfterEach
    void stop() {
        deadlines.stop();
    }

    @Test
    void aPubackAfterTheCommitPassesAtOnce() {
        PendingAck ack = handedOff(7);
        ack.acknowledge();
        Puback puback = intercept(7);
        assertThat(puback.held()).isFalse();
    }

    @Test
    void aPubackBeforeTheCommitIsHeldUntilTheCommit() {
        PendingAck ack = handedOff(7);
        Puback puback = intercept(7);
        assertThat(puback.held()).isTrue();
        assertThat(puback.resumed()).isZero();
        ack.acknowledge();
        assertThat(puback.resumed()).isOne();
    }

    @Test
    void aCommitBetweenTheCheckAndTheHoldLetsThePubackGo() {
        PendingAck ack = new PendingAck();
        ack.acknowledge();
        assertThat(ack.hold(() -> { })).isFalse();
    }

    @Test
    void aPubackOfAMessageNotHandedOffPasses() {
        assertThat(intercept(3).held()).isFalse();
    }

    @Test
    void thePacketIdentifierSentAgainBeforeItsPubackMeetsItsOwnCommitInOrder() {
        PendingAck first = handedOff(5);
        PendingAck second = handedOff(5);
        second.acknowledge();
        Puback forFirst = intercept(5);
        assertThat(forFirst.held()).as("the first message is not committed").isTrue();
        assertThat(intercept(5).held()).as("the second one is").isFalse();
        first.acknowledge();
        assertThat(forFirst.resumed()).isOne();
    }

    @Test
    void withoutACommitInTimeTheClientIsDisconnectedBeforeThePubackMayGo() {
        CompletableFuture<Boolean> disconnected = new CompletableFuture<>();
        when(clients.disconnectClient(anyString())).thenReturn(disconnected);
        PendingAck ack = handedOff(9);
        Puback puback = intercept(9);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(clients).disconnectClient("phone-1"));
        ack.acknowledge(); // too late: the PUBACK is no longer the commit's
        assertThat(puback.resumed()).isZero();
        disconnected.complete(true);
        assertThat(puback.resumed()).isOne();
    }

    @Test
    void aClosedConnectionIsDisconnectedOnceAndItsLaterPubacksNoLongerWait() {
        when(clients.disconnectClient(anyString())).thenReturn(CompletableFuture.completedFuture(true));
        handedOff(1);
        handedOff(2);
        handedOff(3);
        Puback first = intercept(1);
        Puback second = intercept(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.resumed() == 1 && second.resumed() == 1);
        verify(clients, times(1)).disconnectClient("phone-1");
        assertThat(intercept(3).held()).as("nothing to wait for on a closed connection").isFalse();
    }

    @Test
    void aFailedDisconnectIsTriedAgainAndThePubackStaysHeldMeanwhile() {
        CompletableFuture<Boolean> disconnected = new CompletableFuture<>();
        when(clients.disconnectClient(anyString())).thenReturn(CompletableFuture.failedFuture(new IllegalStateException()),
                disconnected);
        handedOff(4);
        Puback puback = intercept(4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(clients, times(2)).disconnectClient("phone-1"));
        assertThat(puback.resumed()).isZero();
        disconnected.complete(true);
        assertThat(puback.resumed()).isOne();
    }

    private PendingAck handedOff(int packetId) {
        PendingAck ack = new PendingAck();
        connection.expect(packetId, ack);
        return ack;
    }

    private Puback intercept(int packetId) {
        PubackOutboundInput input = mock(PubackOutboundInput.class);
        PubackPacket packet = mock(PubackPacket.class);
        when(packet.getPacketIdentifier()).thenReturn(packetId);
        when(input.getPubackPacket()).thenReturn(packet);
        Puback output = new Puback(packetId);
        connection.onOutboundPuback(input, output);
        return output;
    }

    /** HiveMQ's side of an outbound PUBACK: whether it was made async, and how often resumed. */
    private static final class Puback implements PubackOutboundOutput {

        private final AtomicInteger resumed = new AtomicInteger();

        private final int packetId;

        private volatile boolean held;

        Puback(int packetId) {
            this.packetId = packetId;
        }

        boolean held() {
            return held;
        }

        int resumed() {
            return resumed.get();
        }

        @Override
        public ModifiablePubackPacket getPubackPacket() {
            throw new UnsupportedOperationException("packet " + packetId + " is not modified");
        }

        @Override
        public Async<PubackOutboundOutput> async(Duration timeout) {
            held = true;
            Puback output = this;
            return new Async<>() {

                @Override
                public void resume() {
                    resumed.incrementAndGet();
                }

                @Override
                public PubackOutboundOutput getOutput() {
                    return output;
                }

                @Override
                public Status getStatus() {
                    return resumed.get() > 0 ? Status.DONE : Status.RUNNING;
                }
            };
        }
    }
}
