package io.waymark.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes at full speed over several Paho async clients. Each device is bound to one client,
 * so its messages leave in tst order; a semaphore per client keeps at most max-inflight
 * unacknowledged messages per connection (Paho refuses more instead of waiting).
 */
final class Publisher implements AutoCloseable {

    record Msg(String topic, MqttMessage message) {
    }

    private final List<MqttAsyncClient> clients = new ArrayList<>();

    private final int maxInflight;

    private final AtomicLong acked = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private final AtomicLong lastAckNanos = new AtomicLong();

    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    Publisher(String brokerUrl, int clientCount, int maxInflight, String clientIdPrefix) throws Exception {
        this.maxInflight = maxInflight;
        for (int c = 0; c < clientCount; c++) {
            MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientIdPrefix + "-" + c, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(maxInflight);
            options.setKeepAliveInterval(60);
            options.setConnectionTimeout(10);
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            if (!MosquittoLoad.USER.isEmpty()) {
                options.setUserName(MosquittoLoad.USER);
                options.setPassword(MosquittoLoad.PASSWORD.toCharArray());
            }
            client.connect(options).waitForCompletion(15_000);
            clients.add(client);
        }
    }

    int clientCount() {
        return clients.size();
    }

    /** Client index of a device: all of a device's messages go through one connection, in order. */
    int clientOf(int device) {
        return device % clients.size();
    }

    /**
     * Publishes each client's list on its own thread and waits for every acknowledgement (QoS 1/2)
     * or hand-over to the socket (QoS 0).
     *
     * @return nanoTime of the last acknowledgement
     */
    long publishAll(List<List<Msg>> perClient, long timeoutMillis) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Semaphore> permits = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            MqttAsyncClient client = clients.get(c);
            List<Msg> messages = perClient.get(c);
            Semaphore inflight = new Semaphore(maxInflight);
            permits.add(inflight);
            IMqttActionListener listener = new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acked.incrementAndGet();
                    lastAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    inflight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable ex) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, ex);
                    inflight.release();
                }
            };
            Thread t = new Thread(() -> {
                try {
                    for (Msg m : messages) {
                        inflight.acquire();
                        client.publish(m.topic(), m.message(), null, listener);
                    }
                }
                catch (Exception ex) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, ex);
                }
            }, "bench-publisher-" + c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        // every permit back = every message acknowledged (or failed)
        for (Semaphore s : permits) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !s.tryAcquire(maxInflight, left, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("publishing timed out: " + acked.get() + " acknowledged, "
                        + failed.get() + " failed");
            }
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException(failed.get() + " publishes failed; first: " + firstFailure.get(),
                    firstFailure.get());
        }
        return lastAckNanos.get();
    }

    long acked() {
        return acked.get();
    }

    @Override
    public void close() {
        for (MqttAsyncClient client : clients) {
            try {
                client.disconnect().waitForCompletion(5_000);
            }
            catch (Exception ignored) {
                // best effort
            }
            try {
                client.close();
            }
            catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** A realistic OwnTracks location (Android-like field set), distinct by tst. */
    static MqttMessage location(int device, long tst, int seq, int qos) {
        MqttMessage message = new MqttMessage(json(device, tst, seq).getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        message.setRetained(false);
        return message;
    }

    /** The JSON of {@link #location}: 181 bytes, one line. */
    static String json(int device, long tst, int seq) {
        double lat = 48.0 + (device % 100) * 0.01 + (seq % 1000) * 0.00001;
        double lon = 11.0 + (device / 100) * 0.01 + (seq % 1000) * 0.00001;
        return String.format(Locale.ROOT,
                "{\"_type\":\"location\",\"lat\":%.6f,\"lon\":%.6f,\"tst\":%d,\"acc\":%d,\"alt\":%d,\"vac\":%d,"
                        + "\"vel\":%d,\"batt\":%d,\"bs\":1,\"tid\":\"%s\",\"conn\":\"w\",\"t\":\"u\",\"m\":1,"
                        + "\"created_at\":%d}",
                lat, lon, tst, 5 + seq % 30, 500 + seq % 50, 3 + seq % 5, seq % 40, 100 - seq % 100, tid(device),
                tst);
    }

    private static String tid(int device) {
        String digits = Integer.toString(device, 36);
        return digits.length() >= 2 ? digits.substring(digits.length() - 2) : "p" + digits;
    }
}
