package io.waymark.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.interceptor.puback.PubackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;

/**
 * The hand-off of one connection, created when it connects: its QoS 1 messages from hand-off to
 * PUBACK, by packet identifier, and whether its device is known yet. Being the connection's own,
 * none of it outlives the connection or meets a later one with the same client id.
 * <p>
 * A message's PUBLISH is always handed off before the broker writes its PUBACK. The PUBACK passes
 * at once when the message is committed already; otherwise it is held until the commit, by the
 * connection's {@link PubackGate} in its Netty pipeline, or, where the gate cannot be installed,
 * by this class as HiveMQ's PUBACK interceptor. HiveMQ runs a client's extension tasks one after
 * the other and an interceptor's held PUBACK holds back the client's later tasks, the hand-off of
 * PUBLISHes already read among them: each commit then takes only what the client sent before its
 * first held PUBACK (3–5 messages); the gate holds nothing but PUBACKs.
 */
final class ConnectionHandOff implements PublishInboundInterceptor, PubackOutboundInterceptor {

    private final PublishHandOff handOff;

    private final PubackDeadlines deadlines;

    private final String clientId;

    /** Guarded by itself: filled by the extension task thread, emptied by the event loop (the gate). */
    private final Map<Integer, PendingAck> pending = new HashMap<>();

    /** Set once {@link ClientDevices} knows the device; read and written on the task thread only. */
    private boolean deviceKnown;

    /** Closing this connection because a commit did not come; set by the deadlines' thread only. */
    private volatile CompletableFuture<Boolean> closing;

    ConnectionHandOff(PublishHandOff handOff, PubackDeadlines deadlines, String clientId) {
        this.handOff = handOff;
        this.deadlines = deadlines;
        this.clientId = clientId;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        handOff.onInboundPublish(input, output, this);
    }

    @Override
    public void onOutboundPuback(PubackOutboundInput input, PubackOutboundOutput output) {
        PendingAck ack = take(input.getPubackPacket().getPacketIdentifier());
        // no ack: a message not ingested (another topic) or refused; closed: the PUBACK goes nowhere
        if (ack == null || ack.committed() || closed()) {
            return;
        }
        Async<PubackOutboundOutput> puback = output.async(deadlines.holdLimit());
        if (ack.hold(puback::resume)) {
            watch(ack);
        }
        else {
            puback.resume(); // committed since the check above
        }
    }

    boolean deviceKnown() {
        return deviceKnown;
    }

    void deviceIsKnown() {
        deviceKnown = true;
    }

    /** The message with {@code packetId} is handed off; its PUBACK is to wait for {@code ack}. */
    void expect(int packetId, PendingAck ack) {
        synchronized (pending) {
            PendingAck first = pending.putIfAbsent(packetId, ack);
            if (first != null) {
                // the client sent the packet identifier again before its PUBACK: PUBACKs come in order
                PendingAck last = first;
                while (last.later != null) {
                    last = last.later;
                }
                last.later = ack;
            }
        }
    }

    /** What the PUBACK with {@code packetId} waits for; null for a message not handed off. */
    PendingAck take(int packetId) {
        synchronized (pending) {
            PendingAck first = pending.remove(packetId);
            if (first != null && first.later != null) {
                pending.put(packetId, first.later);
            }
            return first;
        }
    }

    /** A PUBACK of this connection is held for {@code ack}: without its commit in time, the client goes. */
    void watch(PendingAck ack) {
        deadlines.watch(this, ack);
    }

    String clientId() {
        return clientId;
    }

    /** Starts closing the connection, once however many of its PUBACKs expire (again if that failed). */
    CompletableFuture<Boolean> close(Supplier<CompletableFuture<Boolean>> disconnect) {
        if (closing == null || closing.isCompletedExceptionally()) {
            closing = disconnect.get();
        }
        return closing;
    }

    private boolean closed() {
        CompletableFuture<Boolean> close = closing;
        return close != null && close.isDone() && !close.isCompletedExceptionally();
    }
}
