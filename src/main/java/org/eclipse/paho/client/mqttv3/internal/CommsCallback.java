package org.eclipse.paho.client.mqttv3.internal;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttToken;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPubAck;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPubComp;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;

/**
 * Waymark's replacement for Paho 1.2.5's class of the same name (MQTT 3.1.1 client), with the
 * same API: it delivers each arriving PUBLISH on the thread that read it, Paho's receiver.
 * Paho's own hands every message to its callback thread through a queue of ten, with a
 * monitor wait and wake on both sides: under load the two threads woke each other once per
 * message, and the hand-off was a sixth of Waymark's CPU via Mosquitto (docs/PERFORMANCE.md,
 * cut 28). Delivering on the receiver changes no guarantee: the receiver waited for the callback
 * thread whenever that queue was full, so a slow consumer held the socket then as it does now,
 * and with manual acknowledgements (Waymark's) the PUBACK follows the commit either way.
 * <p>
 * The callback thread remains, named as before, for what completes asynchronously: tokens,
 * their action listeners and {@code deliveryComplete}. While the client quiesces (a disconnect)
 * no new message is delivered, and it is quiesced once no delivery is under way and no
 * completion is queued. A message callback must not call {@code disconnect()} (as with Paho's:
 * there it is refused, here it would wait for the quiesce timeout).
 * <p>
 * It takes Paho's place because Waymark's classes come before its libraries on the class path
 * (see {@code CountingInputStream}); {@code PahoCommsCallbackTest} fails if it no longer does, or
 * if the Paho version it was written against changes. MQTT 5 keeps Paho's hand-off.
 */
public class CommsCallback implements Runnable {

    private enum State {
        STOPPED, RUNNING, QUIESCING
    }

    private final ClientComms clientComms;

    private final Map<String, IMqttMessageListener> listeners = new ConcurrentHashMap<>();

    /** Completed tokens for the callback thread; guarded by itself. */
    private final ArrayDeque<MqttToken> completed = new ArrayDeque<>();

    /** Deliveries under way on the receiver, for the quiesce. */
    private final AtomicInteger delivering = new AtomicInteger();

    private final Object lifecycle = new Object();

    private State current = State.STOPPED; // guarded by lifecycle

    private State target = State.STOPPED; // guarded by lifecycle

    private volatile MqttCallback mqttCallback;

    private volatile MqttCallbackExtended reconnectInternalCallback;

    private volatile boolean manualAcks;

    private volatile ClientState clientState;

    private volatile Thread callbackThread;

    private String threadName;

    private Future<?> callbackFuture;

    CommsCallback(ClientComms clientComms) {
        this.clientComms = clientComms;
    }

    public void setClientState(ClientState clientState) {
        this.clientState = clientState;
    }

    /** Starts the callback thread and waits until it runs. */
    public void start(String threadName, ExecutorService executorService) {
        this.threadName = threadName;
        synchronized (lifecycle) {
            if (current == State.STOPPED) {
                synchronized (completed) {
                    completed.clear();
                }
                target = State.RUNNING;
                if (executorService == null) {
                    new Thread(this).start();
                }
                else {
                    callbackFuture = executorService.submit(this);
                }
            }
        }
        boolean interrupted = false;
        while (!isRunning()) {
            interrupted |= sleep();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the callback thread and, unless called on it, waits until it has. */
    public void stop() {
        synchronized (lifecycle) {
            if (callbackFuture != null) {
                callbackFuture.cancel(true);
            }
        }
        if (isRunning()) {
            synchronized (lifecycle) {
                target = State.STOPPED;
            }
            if (Thread.currentThread() != callbackThread) {
                synchronized (completed) {
                    completed.notifyAll();
                }
                boolean interrupted = false;
                while (isRunning()) {
                    interrupted |= sleep();
                    clientState.notifyQueueLock();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public void setCallback(MqttCallback mqttCallback) {
        this.mqttCallback = mqttCallback;
    }

    public void setReconnectCallback(MqttCallbackExtended callback) {
        this.reconnectInternalCallback = callback;
    }

    public void setManualAcks(boolean manualAcks) {
        this.manualAcks = manualAcks;
    }

    /** The callback thread: completions, one at a time, in the order they came. */
    @Override
    public void run() {
        callbackThread = Thread.currentThread();
        callbackThread.setName(threadName);
        synchronized (lifecycle) {
            current = State.RUNNING;
        }
        while (isRunning()) {
            try {
                MqttToken token;
                synchronized (completed) {
                    if (isRunning() && completed.isEmpty()) {
                        completed.wait();
                    }
                    token = completed.poll();
                }
                if (token != null && isRunning()) {
                    handleActionComplete(token);
                }
                if (isQuiescing()) {
                    clientState.checkQuiesceLock();
                }
            }
            catch (InterruptedException ex) {
                // stop() cancels an executor's task: the loop looks at the state again
            }
            catch (Throwable ex) {
                // a listener's exception or error, as Paho's callback thread treats it
                clientComms.shutdownConnection(null, new MqttException(ex));
            }
        }
        synchronized (lifecycle) {
            current = State.STOPPED;
        }
        callbackThread = null;
    }

    private void handleActionComplete(MqttToken token) throws MqttException {
        synchronized (token) {
            if (token.isComplete()) {
                clientState.notifyComplete(token); // e.g. removes a sent message from persistence
            }
            token.internalTok.notifyComplete();
            if (!token.internalTok.isNotified()) {
                if (mqttCallback != null && token instanceof MqttDeliveryToken && token.isComplete()) {
                    mqttCallback.deliveryComplete((MqttDeliveryToken) token);
                }
                fireActionEvent(token);
            }
            if (token.isComplete() && token instanceof MqttDeliveryToken) {
                token.internalTok.setNotified(true);
            }
        }
    }

    /**
     * The connection is lost: tells the callbacks, on the thread that found it (the receiver or
     * the sender); a clean disconnect has no cause and tells no one.
     */
    public void connectionLost(MqttException cause) {
        try {
            if (mqttCallback != null && cause != null) {
                mqttCallback.connectionLost(cause);
            }
            if (reconnectInternalCallback != null && cause != null) {
                reconnectInternalCallback.connectionLost(cause);
            }
        }
        catch (Throwable ex) {
            // it runs during the shutdown already: nothing more to do
        }
    }

    /** Calls the token's action listener, if it has one. */
    public void fireActionEvent(MqttToken token) {
        if (token == null) {
            return;
        }
        IMqttActionListener listener = token.getActionCallback();
        if (listener != null) {
            if (token.getException() == null) {
                listener.onSuccess(token);
            }
            else {
                listener.onFailure(token, token.getException());
            }
        }
    }

    /**
     * A PUBLISH arrived (QoS 0 or 1 as read, QoS 2 at its PUBREL): delivered here, on the
     * receiver. Not while the client quiesces or is stopped: a QoS 1 or 2 message then stays
     * unacknowledged, and the broker sends it again.
     */
    public void messageArrived(MqttPublish publish) {
        if (mqttCallback == null && listeners.isEmpty()) {
            return;
        }
        delivering.incrementAndGet();
        try {
            if (isRunning() && !isQuiescing()) {
                handleMessage(publish);
            }
        }
        catch (Throwable ex) {
            // a callback's exception or error, as Paho's callback thread treats it
            clientComms.shutdownConnection(null, new MqttException(ex));
        }
        finally {
            if (delivering.decrementAndGet() == 0 && isQuiescing()) {
                clientState.checkQuiesceLock();
            }
        }
    }

    /** No new message is delivered from now on; what is under way finishes. */
    public void quiesce() {
        synchronized (lifecycle) {
            if (current == State.RUNNING) {
                current = State.QUIESCING;
            }
        }
    }

    public boolean isQuiesced() {
        if (!isQuiescing() || delivering.get() != 0) {
            return false;
        }
        synchronized (completed) {
            return completed.isEmpty();
        }
    }

    private void handleMessage(MqttPublish publish) throws Exception {
        deliverMessage(publish.getTopicName(), publish.getMessageId(), publish.getMessage());
        if (!manualAcks) {
            messageArrivedComplete(publish.getMessageId(), publish.getMessage().getQos());
        }
    }

    /**
     * Acknowledges a delivered message: PUBACK for QoS 1, PUBCOMP for QoS 2. A PUBACK is queued
     * without a token: nothing waits for one to be written ({@code CommsSender} writes acks
     * without looking at it, and {@code ClientState} keeps no token for an ack), while each new
     * {@code MqttToken} makes a Paho logger of its own ({@code LoggerFactory}: a
     * {@code Class.forName} each), 3-4% of Waymark's CPU via Mosquitto (docs/PERFORMANCE.md, cut 42).
     */
    public void messageArrivedComplete(int messageId, int qos) throws MqttException {
        if (qos == 1) {
            clientState.send(new MqttPubAck(messageId), null);
        }
        else if (qos == 2) {
            clientComms.deliveryComplete(messageId);
            clientComms.internalSend(new MqttPubComp(messageId), new MqttToken(clientComms.getClient().getClientId()));
        }
    }

    /** An operation completed: its callbacks run on the callback thread, or here once it is stopped. */
    public void asyncOperationComplete(MqttToken token) {
        if (isRunning()) {
            synchronized (completed) {
                completed.add(token);
                completed.notifyAll();
            }
            return;
        }
        try {
            handleActionComplete(token);
        }
        catch (Throwable ex) {
            clientComms.shutdownConnection(null, new MqttException(ex));
        }
    }

    /** The callback thread, on which {@code disconnect()} is refused. */
    protected Thread getThread() {
        return callbackThread;
    }

    public void setMessageListener(String topicFilter, IMqttMessageListener messageListener) {
        listeners.put(topicFilter, messageListener);
    }

    public void removeMessageListener(String topicFilter) {
        listeners.remove(topicFilter);
    }

    public void removeMessageListeners() {
        listeners.clear();
    }

    /**
     * To every listener whose filter matches, else to the client's callback; true if someone
     * took it.
     */
    protected boolean deliverMessage(String topicName, int messageId, MqttMessage message) throws Exception {
        boolean delivered = false;
        for (Map.Entry<String, IMqttMessageListener> listener : listeners.entrySet()) {
            if (MqttTopic.isMatched(listener.getKey(), topicName)) {
                message.setId(messageId);
                listener.getValue().messageArrived(topicName, message);
                delivered = true;
            }
        }
        MqttCallback callback = mqttCallback;
        if (callback != null && !delivered) {
            message.setId(messageId);
            callback.messageArrived(topicName, message);
            delivered = true;
        }
        return delivered;
    }

    public boolean isRunning() {
        synchronized (lifecycle) {
            return (current == State.RUNNING || current == State.QUIESCING) && target == State.RUNNING;
        }
    }

    public boolean isQuiescing() {
        synchronized (lifecycle) {
            return current == State.QUIESCING;
        }
    }

    /** Paho's wait for a thread to start or stop; true if interrupted (the wait goes on). */
    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return false;
        }
        catch (InterruptedException ex) {
            return true;
        }
    }
}
