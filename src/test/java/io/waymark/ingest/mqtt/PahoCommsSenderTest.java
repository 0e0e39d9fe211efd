package io.waymark.ingest.mqtt;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.SocketFactory;

import io.waymark.support.MosquittoProcess;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.ClientComms;
import org.eclipse.paho.client.mqttv3.internal.ClientState;
import org.eclipse.paho.client.mqttv3.internal.CommsSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waymark's {@code CommsSender} takes the place of Paho's (see the class comment there): it is the
 * one loaded, for the Paho version it was written for, and against a real Mosquitto the PUBACKs of
 * a batch acknowledged at once leave in a few socket writes, not one each, every one of them
 * reaches the broker, and a lone PUBACK is not left in the buffer.
 */
class PahoCommsSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final int BATCH = 300;

    static MosquittoProcess broker;

    @BeforeAll
    static void start() {
        MosquittoProcess.requireInstalled();
        broker = MosquittoProcess.builder().start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void waymarksClassTakesPahosPlaceForThePahoVersionItWasWrittenFor() throws Exception {
        PahoOverrides.assertTakesPahosPlace(CommsSender.class);
    }

    @Test
    void theAcksOfABatchShareWritesAndAllReachTheBroker() throws Exception {
        CountingSockets sockets = new CountingSockets();
        List<MqttMessage> held = new CopyOnWriteArrayList<>();
        List<String> received = new CopyOnWriteArrayList<>();
        MqttAsyncClient subscriber = new MqttAsyncClient(broker.url(), "sender-sub", new MemoryPersistence());
        subscriber.setManualAcks(true);
        subscriber.setCallback(new PahoOverrides.Recording() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                held.add(message);
            }
        });
        subscriber.connect(persistentSession(sockets)).waitForCompletion(WAIT.toMillis());
        subscriber.subscribe("sender/#", 1).waitForCompletion(WAIT.toMillis());
        MqttAsyncClient publisher = new MqttAsyncClient(broker.url(), "sender-pub", new MemoryPersistence());
        MqttConnectOptions wide = new MqttConnectOptions();
        wide.setMaxInflight(BATCH + 1);
        publisher.connect(wide).waitForCompletion(WAIT.toMillis());
        for (int i = 0; i < BATCH; i++) {
            publisher.publish("sender/a", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        await().atMost(WAIT).until(() -> held.size() == BATCH);

        // as Waymark's writer does after a commit: every message of the batch acknowledged at once;
        // with Paho's queue held meanwhile, so that the sender finds them all queued when it wakes
        // (left alone it races the acknowledging thread, and how many it finds varies)
        int writesBefore = sockets.writes.get();
        long bytesBefore = sockets.bytes.get();
        synchronized (queueLock(subscriber)) {
            for (MqttMessage message : held) {
                subscriber.messageArrivedComplete(message.getId(), message.getQos());
            }
        }
        await().atMost(WAIT).until(() -> sockets.bytes.get() == bytesBefore + 4L * BATCH); // a PUBACK is 4 bytes
        assertThat(sockets.writes.get() - writesBefore).as("socket writes for %d queued PUBACKs", BATCH)
            .isOne(); // 1,200 bytes fit Paho's 8 KB buffer; Paho's own sender writes each alone

        // the connection drops without a DISCONNECT: only what the broker did not get comes again
        sockets.last.get().close();
        await().atMost(WAIT).until(() -> !subscriber.isConnected());
        received.clear();
        subscriber.connect(persistentSession(sockets)).waitForCompletion(WAIT.toMillis());
        publisher.publish("sender/a", "marker".getBytes(StandardCharsets.UTF_8), 1, false)
            .waitForCompletion(WAIT.toMillis());
        await().atMost(WAIT).until(() -> received.contains("marker"));
        assertThat(received).as("nothing acknowledged before the drop is sent again").containsExactly("marker");
        subscriber.disconnect().waitForCompletion(WAIT.toMillis());
        subscriber.close();
        publisher.disconnect().waitForCompletion(WAIT.toMillis());
        publisher.close();
    }

    @Test
    void aLonePubackIsWrittenAtOnce() throws Exception {
        CountingSockets sockets = new CountingSockets();
        AtomicReference<MqttMessage> held = new AtomicReference<>();
        MqttAsyncClient subscriber = new MqttAsyncClient(broker.url(), "sender-lone", new MemoryPersistence());
        subscriber.setManualAcks(true);
        subscriber.setCallback(new PahoOverrides.Recording() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                held.set(message);
            }
        });
        subscriber.connect(persistentSession(sockets)).waitForCompletion(WAIT.toMillis());
        subscriber.subscribe("lone/#", 1).waitForCompletion(WAIT.toMillis());
        MqttAsyncClient publisher = new MqttAsyncClient(broker.url(), "sender-lone-pub", new MemoryPersistence());
        publisher.connect().waitForCompletion(WAIT.toMillis());
        publisher.publish("lone/a", "one".getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(WAIT.toMillis());
        await().atMost(WAIT).until(() -> held.get() != null);

        long bytesBefore = sockets.bytes.get();
        subscriber.messageArrivedComplete(held.get().getId(), 1);
        await().atMost(WAIT).until(() -> sockets.bytes.get() == bytesBefore + 4); // one PUBACK, on its own
        subscriber.disconnect().waitForCompletion(WAIT.toMillis());
        subscriber.close();
        publisher.disconnect().waitForCompletion(WAIT.toMillis());
        publisher.close();
    }

    /** The monitor of Paho's outgoing queue: who holds it keeps the sender from taking anything. */
    private static Object queueLock(MqttAsyncClient client) throws ReflectiveOperationException {
        Field comms = MqttAsyncClient.class.getDeclaredField("comms");
        comms.setAccessible(true);
        ClientState state = ((ClientComms) comms.get(client)).getClientState();
        Field lock = ClientState.class.getDeclaredField("queueLock");
        lock.setAccessible(true);
        return lock.get(state);
    }

    private static MqttConnectOptions persistentSession(SocketFactory sockets) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setSocketFactory(sockets);
        options.setKeepAliveInterval(0); // no PINGREQ among the counted writes
        return options;
    }

    /** Plain sockets that count the writes reaching them and the bytes written. */
    private static final class CountingSockets extends SocketFactory {

        final AtomicInteger writes = new AtomicInteger();

        final AtomicLong bytes = new AtomicLong();

        final AtomicReference<Socket> last = new AtomicReference<>();

        @Override
        public Socket createSocket() {
            Socket socket = new Socket() {
                private OutputStream output;

                @Override
                public synchronized OutputStream getOutputStream() throws IOException {
                    if (output == null) {
                        output = new FilterOutputStream(super.getOutputStream()) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                writes.incrementAndGet();
                                out.write(b, off, len);
                                bytes.addAndGet(len);
                            }

                            @Override
                            public void write(int b) throws IOException {
                                writes.incrementAndGet();
                                out.write(b);
                                bytes.incrementAndGet();
                            }
                        };
                    }
                    return output;
                }
            };
            last.set(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("Paho creates unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("Paho creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("Paho creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
                int localPort) {
            throw new UnsupportedOperationException("Paho creates unconnected sockets");
        }
    }
}
