package io.waymark.broker;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.hivemq.extension.sdk.api.services.session.ClientService;
import com.hivemq.extensions.client.parameter.ConnectionAttributeStoreImpl;
import com.hivemq.mqtt.message.puback.PUBACK;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The PUBACK gate in a Netty pipeline (an {@link EmbeddedChannel} with a stand-in for HiveMQ's
 * encoder that records what reaches it): held until the commit, in the order written, one flush
 * per release, never sent for a closed connection or a message whose commit did not come in time;
 * PUBACKs of messages committed already share a flush.
 */
class PubackGateTest {

    /** Written against this release; another may keep the connection's channel elsewhere. */
    private static final String HIVEMQ_VERSION = "2025.5";

    private final ClientService clients = mock(ClientService.class);

    private final PubackDeadlines deadlines = new PubackDeadlines(clients, Duration.ofMillis(300));

    private final ConnectionHandOff connection = new ConnectionHandOff(mock(PublishHandOff.class), deadlines, "phone-1");

    private final Encoder encoder = new Encoder();

    private EmbeddedChannel channel;

    @BeforeEach
    void channel() {
        channel = new EmbeddedChannel();
        channel.pipeline().addLast(PubackGate.ENCODER, encoder);
        assertThat(PubackGate.install(channel, connection)).isTrue();
        assertThat(PubackGate.install(channel, connection)).as("installed once").isTrue();
        ConnectionHandOff another = new ConnectionHandOff(mock(PublishHandOff.class), deadlines, "phone-1");
        assertThat(PubackGate.install(channel, another)).as("not bound to another hand-off").isFalse();
        assertThat(channel.pipeline().names()).filteredOn(PubackGate.NAME::equals).hasSize(1);
        assertThat(channel.pipeline().names()).containsSubsequence(PubackGate.ENCODER, PubackGate.NAME);
    }

    @AfterEach
    void stop() {
        deadlines.stop();
        channel.finishAndReleaseAll();
    }

    @Test
    void thisHiveMqKeepsTheConnectionsChannelWhereTheGateLooksForIt() {
        String jar = PUBACK.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(new File(jar).getName()).contains(HIVEMQ_VERSION);
        assertThat(HiveMqChannels.of(new ConnectionAttributeStoreImpl(channel))).containsSame(channel);
    }

    @Test
    void aCommittedMessagesPubackPassesAtOnceAndAnUncommittedOneWaitsForItsCommit() {
        PendingAck committed = handedOff(1);
        committed.acknowledge();
        PendingAck pending = handedOff(2);

        writePuback(1);
        ChannelFuture second = writePuback(2);
        assertThat(encoder.written).containsExactly(1);
        assertThat(second.isDone()).isFalse();

        pending.acknowledge();
        channel.runPendingTasks();
        assertThat(encoder.written).containsExactly(1, 2);
        assertThat(second.isSuccess()).isTrue();
    }

    @Test
    void pubacksLeaveInTheOrderTheyWereWrittenWithOneFlushPerRelease() {
        PendingAck first = handedOff(1);
        PendingAck second = handedOff(2);
        PendingAck third = handedOff(3);
        writePuback(1);
        writePuback(2);
        writePuback(3);
        writePuback(4); // a message not handed off (another topic): nothing of its own to wait for
        int flushes = encoder.flushes;

        third.acknowledge();
        second.acknowledge();
        channel.runPendingTasks();
        assertThat(encoder.written).as("behind the first, still uncommitted").isEmpty();

        first.acknowledge();
        channel.runPendingTasks();
        assertThat(encoder.written).containsExactly(1, 2, 3, 4);
        assertThat(encoder.flushes).isEqualTo(flushes + 1);
    }

    @Test
    void pubacksOfCommittedMessagesShareOneFlushBehindTheEventLoopsQueuedTasks() {
        for (int id = 1; id <= 3; id++) {
            handedOff(id).acknowledge(); // committed before HiveMQ writes the PUBACK
        }
        int flushes = encoder.flushes;
        // through the pipeline: EmbeddedChannel's own writeAndFlush runs the queued tasks after it
        ChannelFuture first = channel.pipeline().writeAndFlush(new PUBACK(1));
        channel.pipeline().writeAndFlush(new PUBACK(2));
        channel.pipeline().writeAndFlush(new PUBACK(3));
        assertThat(encoder.written).containsExactly(1, 2, 3);
        assertThat(first.isSuccess()).isTrue();
        assertThat(encoder.flushes).as("the flush waits for the tasks queued on the event loop").isEqualTo(flushes);

        channel.runPendingTasks();
        assertThat(encoder.flushes).as("one flush for the three").isEqualTo(flushes + 1);
        channel.runPendingTasks();
        assertThat(encoder.flushes).isEqualTo(flushes + 1);

        channel.pipeline().writeAndFlush(new PUBACK(4));
        channel.pipeline().writeAndFlush("a PUBLISH to a subscriber");
        assertThat(encoder.flushes).as("anything but PUBACKs is flushed at once, the PUBACK with it").isEqualTo(flushes + 2);
        channel.runPendingTasks();
        assertThat(encoder.flushes).as("nothing left for the queued flush").isEqualTo(flushes + 2);
    }

    @Test
    void otherPacketsAreNotHeld() {
        handedOff(1);
        writePuback(1);
        channel.writeAndFlush("a PUBLISH to a subscriber");
        assertThat(encoder.others).containsExactly("a PUBLISH to a subscriber");
        assertThat(encoder.written).isEmpty();
    }

    @Test
    void heldPubacksOfAClosedConnectionAreNeverSent() {
        PendingAck ack = handedOff(1);
        ChannelFuture puback = writePuback(1);
        channel.close();
        ack.acknowledge();
        channel.runPendingTasks();
        assertThat(encoder.written).isEmpty();
        assertThat(puback.isSuccess()).isFalse();
    }

    @Test
    void withoutACommitInTimeTheClientIsDisconnectedAndThePubackNeverSent() {
        when(clients.disconnectClient(anyString())).thenReturn(CompletableFuture.completedFuture(true));
        PendingAck ack = handedOff(9);
        writePuback(9);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(clients).disconnectClient("phone-1"));
        ack.acknowledge(); // too late: the PUBACK is no longer the commit's
        channel.runPendingTasks();
        assertThat(encoder.written).isEmpty();
    }

    private PendingAck handedOff(int packetId) {
        PendingAck ack = new PendingAck();
        connection.expect(packetId, ack);
        return ack;
    }

    private ChannelFuture writePuback(int packetId) {
        ChannelFuture written = channel.writeAndFlush(new PUBACK(packetId));
        channel.runPendingTasks();
        return written;
    }

    /** Where HiveMQ's encoder sits: records the PUBACKs' packet identifiers, other packets, flushes. */
    private static final class Encoder extends ChannelOutboundHandlerAdapter {

        final List<Integer> written = new ArrayList<>();

        final List<Object> others = new ArrayList<>();

        int flushes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof PUBACK puback) {
                written.add(puback.getPacketIdentifier());
            }
            else {
                others.add(msg);
            }
            promise.setSuccess();
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
        }
    }
}
