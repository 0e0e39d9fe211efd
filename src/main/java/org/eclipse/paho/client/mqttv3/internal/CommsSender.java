package org.eclipse.paho.client.mqttv3.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttToken;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttAck;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttDisconnect;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttOutputStream;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;

/**
 * Waymark's replacement for Paho 1.2.5's class of the same name (MQTT 3.1.1 client), with the
 * same API: it writes what {@link ClientState#get()} hands it, and flushes an acknowledgement
 * only when no other flow is queued behind it. Paho's flushes every PUBACK on its own; Waymark
 * acknowledges a whole committed batch at once (hundreds of messages), so its sender made one
 * {@code write} per PUBACK and the broker one read per PUBACK (docs/PERFORMANCE.md, cut 30). An
 * acknowledgement left in the buffer is flushed with the next flow or as soon as none is queued:
 * the queue it looks at is the one {@code get()} takes from next, so nothing waits in the buffer
 * while the sender waits for work. Should the connection close with acknowledgements still in
 * the buffer (Paho clears its queue then), the broker sends those messages again, as MQTT has it
 * for every unacknowledged one, and the writer's dedupe keeps them once. Everything else
 * (CONNECT, PUBLISH, PINGREQ, DISCONNECT) is flushed at once, as Paho does, before its token
 * hears that it was sent.
 * <p>
 * {@code ClientState} keeps its queue of flows private; it is read through a {@link VarHandle}
 * (Paho is on the class path, so its package is open). It takes Paho's place because Waymark's
 * classes come before its libraries on the class path (see {@code CountingInputStream});
 * {@code PahoCommsSenderTest} fails if it no longer does, or if the Paho version it was written
 * against changes. MQTT 5 keeps Paho's sender.
 */
public class CommsSender implements Runnable {

    private static final VarHandle PENDING_FLOWS = pendingFlows();

    private enum State {
        STOPPED, RUNNING
    }

    private final Object lifecycle = new Object();

    private final ClientComms clientComms;

    private final ClientState clientState;

    private final CommsTokenStore tokenStore;

    private final MqttOutputStream out;

    private State current = State.STOPPED;

    private State target = State.STOPPED;

    private Future<?> future;

    private String threadName;

    public CommsSender(ClientComms clientComms, ClientState clientState, CommsTokenStore tokenStore, OutputStream out) {
        this.clientComms = clientComms;
        this.clientState = clientState;
        this.tokenStore = tokenStore;
        this.out = new MqttOutputStream(clientState, out);
    }

    private static VarHandle pendingFlows() {
        try {
            return MethodHandles.privateLookupIn(ClientState.class, MethodHandles.lookup())
                .findVarHandle(ClientState.class, "pendingFlows", java.util.Vector.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Starts the sender's thread and waits until it runs. */
    public void start(String threadName, ExecutorService executorService) {
        this.threadName = threadName;
        synchronized (lifecycle) {
            if (current == State.STOPPED && target == State.STOPPED) {
                target = State.RUNNING;
                if (executorService == null) {
                    new Thread(this).start();
                }
                else {
                    future = executorService.submit(this);
                }
            }
        }
        boolean interrupted = false;
        while (!isRunning()) {
            interrupted |= sleep();
        }
        reassert(interrupted);
    }

    /** Stops the sender's thread and waits until it has. */
    public void stop() {
        if (!isRunning()) {
            return;
        }
        synchronized (lifecycle) {
            if (future != null) {
                future.cancel(true);
            }
            if (isRunning()) {
                target = State.STOPPED;
                clientState.notifyQueueLock();
            }
        }
        boolean interrupted = false;
        while (isRunning()) {
            interrupted |= sleep();
            clientState.notifyQueueLock();
        }
        reassert(interrupted);
    }

    public boolean isRunning() {
        synchronized (lifecycle) {
            return current == State.RUNNING && target == State.RUNNING;
        }
    }

    @Override
    public void run() {
        Thread.currentThread().setName(threadName);
        synchronized (lifecycle) {
            current = State.RUNNING;
        }
        MqttWireMessage message = null;
        try {
            while (running()) {
                try {
                    message = clientState.get();
                    if (message == null) { // disconnected, or shutting down
                        synchronized (lifecycle) {
                            target = State.STOPPED;
                        }
                    }
                    else if (message instanceof MqttAck) {
                        out.write(message);
                        if (!flowQueued()) {
                            out.flush();
                        }
                    }
                    else {
                        send(message);
                    }
                }
                catch (Exception ex) {
                    failed(ex);
                }
            }
        }
        finally {
            synchronized (lifecycle) {
                current = State.STOPPED;
            }
        }
    }

    private boolean running() {
        synchronized (lifecycle) {
            return target == State.RUNNING;
        }
    }

    private void send(MqttWireMessage message) throws IOException, MqttException {
        MqttToken token = message.getToken();
        if (token == null) {
            token = tokenStore.getToken(message);
        }
        if (token == null) {
            return; // the token store was cleared while quiescing: nothing waits for this message
        }
        synchronized (token) {
            out.write(message);
            try {
                out.flush();
            }
            catch (IOException ex) {
                // a TLS socket's flush has been seen to fail while disconnecting: not an error then
                if (!(message instanceof MqttDisconnect)) {
                    throw ex;
                }
            }
            clientState.notifySent(message);
        }
    }

    /** Whether {@code get()} has another flow (an ack, a PUBREL, a ping) to hand over at once. */
    private boolean flowQueued() {
        List<?> flows = (List<?>) PENDING_FLOWS.getVolatile(clientState);
        return flows != null && !flows.isEmpty();
    }

    private void failed(Exception ex) {
        MqttException mex = ex instanceof MqttException me ? me
                : new MqttException(MqttException.REASON_CODE_CONNECTION_LOST, ex);
        synchronized (lifecycle) {
            target = State.STOPPED;
        }
        clientComms.shutdownConnection(null, mex);
    }

    /** @return whether the sleep was interrupted (the wait goes on regardless, as in Paho's) */
    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return false;
        }
        catch (InterruptedException ex) {
            return true;
        }
    }

    private static void reassert(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
