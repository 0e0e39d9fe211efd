package io.waymark.broker;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.hivemq.bootstrap.netty.ChannelHandlerNames;
import com.hivemq.mqtt.message.puback.PUBACK;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;

/**
 * Holds a connection's QoS 1 PUBACKs in its Netty pipeline until their messages are committed,
 * and lets them go in the order the broker wrote them, with one flush per commit.
 * <p>
 * It sits right after HiveMQ's MQTT encoder (on the side of the handlers that write), so every
 * PUBACK passes it as HiveMQ's own message object. A PUBACK whose message is committed, or was
 * not handed off (another topic, refused), passes at once unless an earlier one is held: the
 * MQTT rule is that PUBACKs follow the order of the PUBLISHes. Other packets pass untouched.
 * Held PUBACKs of a connection that closes are never sent. The queue is the event loop's alone;
 * a commit, on the writer's thread, only asks the event loop to let out what is ready.
 * <p>
 * Holding here, not in a PUBACK interceptor, keeps HiveMQ's per-client extension queue moving:
 * there a held PUBACK holds back the hand-off of the client's later PUBLISHes (see
 * {@link ConnectionHandOff}), so each commit took 3–5 messages per client and every PUBACK cost
 * two more hops between the event loop and the extension executor, and a flush of its own.
 */
final class PubackGate extends ChannelDuplexHandler {

    static final String NAME = "waymark_puback_gate";

    /** HiveMQ's name for its MQTT encoder, the gate's neighbour. */
    static final String ENCODER = ChannelHandlerNames.MQTT_MESSAGE_ENCODER;

    private record Held(PendingAck ack, Object puback, ChannelPromise promise) {

        boolean ready() {
            return ack == null || ack.committed();
        }
    }

    private final ConnectionHandOff connection;

    private final ArrayDeque<Held> held = new ArrayDeque<>();

    private final AtomicBoolean releaseQueued = new AtomicBoolean();

    private final Runnable committed = this::committed;

    private volatile ChannelHandlerContext context;

    /** Since the last flush (event loop only): PUBACKs were written, and other packets. */
    private boolean pubacksWritten;

    private boolean othersWritten;

    /** A flush of PUBACKs alone waits on the event loop's queue, so that the PUBACKs queued behind it go with it. */
    private boolean flushQueued;

    private final Runnable queuedFlush = this::queuedFlush;

    PubackGate(ConnectionHandOff connection) {
        this.connection = connection;
    }

    /**
     * Installs a gate for {@code connection} in {@code channel}'s pipeline; false if there is no
     * HiveMQ encoder to sit beside, or a gate for another hand-off is there already (then the
     * caller holds PUBACKs another way: that gate would let this hand-off's PUBACKs pass ungated).
     */
    static boolean install(Channel channel, ConnectionHandOff connection) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NAME) instanceof PubackGate existing) {
            return existing.connection == connection; // the client initializer ran again
        }
        if (pipeline.get(ENCODER) == null) {
            return false;
        }
        pipeline.addAfter(ENCODER, NAME, new PubackGate(connection));
        return true;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof PUBACK puback)) {
            othersWritten = true;
            ctx.write(msg, promise);
            return;
        }
        PendingAck ack = connection.take(puback.getPacketIdentifier());
        if (held.isEmpty() && (ack == null || ack.committed())) {
            pubacksWritten = true;
            ctx.write(msg, promise);
            return;
        }
        held.add(new Held(ack, msg, promise));
        if (ack != null && ack.hold(committed)) {
            connection.watch(ack);
        }
        else {
            release(ctx, false); // committed since the check, or not ours: the broker's flush follows
        }
    }

    /** A held PUBACK's message is committed (any thread): the event loop lets out what is ready. */
    private void committed() {
        ChannelHandlerContext ctx = context;
        if (releaseQueued.compareAndSet(false, true)) {
            try {
                ctx.executor().execute(() -> {
                    releaseQueued.set(false);
                    release(ctx, true);
                });
            }
            catch (RejectedExecutionException stopping) {
                // the broker's event loop is gone, and the connection with it: nothing to send
            }
        }
    }

    private void release(ChannelHandlerContext ctx, boolean flush) {
        boolean wrote = false;
        for (Held next = held.peek(); next != null && next.ready(); next = held.peek()) {
            held.poll();
            ctx.write(next.puback(), next.promise());
            wrote = true;
        }
        pubacksWritten |= wrote;
        if (wrote && flush) {
            flushNow(ctx);
        }
    }

    /**
     * HiveMQ flushes after every PUBACK it writes. When its message was committed before that
     * (the writer is quick), the PUBACK passes at once, and each would cost a write to the socket
     * of its own; a flush of PUBACKs alone is put behind the tasks already queued on the event
     * loop instead (the client's next PUBACKs among them), which is microseconds later. Anything
     * else written is flushed at once, as HiveMQ asks.
     */
    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (othersWritten || !pubacksWritten) {
            flushNow(ctx);
            return;
        }
        if (!flushQueued) {
            flushQueued = true;
            try {
                ctx.executor().execute(queuedFlush);
            }
            catch (RejectedExecutionException stopping) {
                flushQueued = false;
                flushNow(ctx);
            }
        }
    }

    private void queuedFlush() {
        flushQueued = false;
        ChannelHandlerContext ctx = context;
        if (pubacksWritten || othersWritten) {
            flushNow(ctx);
        }
    }

    private void flushNow(ChannelHandlerContext ctx) {
        pubacksWritten = false;
        othersWritten = false;
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        drop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        drop();
    }

    /** The connection is gone: what is held is never sent (its messages come again). */
    private void drop() {
        for (Held next = held.poll(); next != null; next = held.poll()) {
            next.promise().tryFailure(new ClosedChannelException());
        }
    }
}
