package io.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publish → visible: the time from handing a QoS 1 location to the client until
 * {@code GET /api/v1/devices/{user}/{device}} shows its tst. First single messages under light
 * load (one device, one message at a time), then {@code rate} msg/s spread over D devices, each
 * device publishing its next message on its own schedule (one client per device, as phones are).
 */
final class VisibleLatency {

    private final String brokerUrl;

    private final WaymarkApi api;

    private final int single;

    private final int rate;

    private final int seconds;

    private final int devices;

    private final String prefix;

    /** One kept-alive plain-socket client per device (each device's thread polls its own). */
    private final Map<Integer, PlainHttpGet> polls = new ConcurrentHashMap<>();

    VisibleLatency(Bench.Options o) {
        this.brokerUrl = o.string("broker-url", "tcp://127.0.0.1:1883");
        this.api = new WaymarkApi(o.string("api-url", "http://localhost:8080"));
        this.single = o.integer("single", 100);
        this.rate = o.integer("rate", 100);
        this.seconds = o.integer("seconds", 20);
        this.devices = o.integer("devices", 10);
        this.prefix = o.string("prefix", "visible");
    }

    int run() throws Exception {
        long base = Instant.now().getEpochSecond() - 100_000;
        List<MqttAsyncClient> clients = new ArrayList<>();
        try {
            for (int j = 0; j < devices; j++) {
                clients.add(connect(prefix + "-" + j));
            }
            // light load: one message at a time, 50 ms apart
            long[] light = new long[single];
            for (int i = 0; i < single; i++) {
                light[i] = publishAndWait(clients.get(0), 0, base + i, i);
                Thread.sleep(50);
            }
            report("single", light, single, Double.NaN);

            // rate msg/s over D devices: device j publishes every D/rate s, offset by j/rate s
            long period = TimeUnit.SECONDS.toNanos(1) * devices / rate;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
            AtomicInteger late = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int j = 0; j < devices; j++) {
                int device = j;
                Thread t = new Thread(() -> {
                    try {
                        long slot = start + device * period / devices;
                        for (int seq = single; slot < end; seq++) {
                            long wait = slot - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            else if (wait < -period / 10) {
                                late.incrementAndGet();
                            }
                            samples.add(publishAndWait(clients.get(device), device, base + seq, seq));
                            slot = Math.max(slot + period, System.nanoTime() - period / 2);
                        }
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }, "bench-visible-" + j);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long[] nanos = samples.stream().mapToLong(Long::longValue).toArray();
            report("rate" + rate, nanos, nanos.length, nanos.length / wall);
            if (late.get() > 0) {
                System.out.printf("  %d of %d messages left later than their slot (the previous one took too long)%n",
                        late.get(), nanos.length);
            }
            return 0;
        }
        finally {
            for (PlainHttpGet get : polls.values()) {
                get.close();
            }
            for (MqttAsyncClient c : clients) {
                try {
                    c.disconnect().waitForCompletion(5_000);
                    c.close();
                }
                catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    private MqttAsyncClient connect(String clientId) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (!MosquittoLoad.USER.isEmpty()) {
            options.setUserName(MosquittoLoad.USER);
            options.setPassword(MosquittoLoad.PASSWORD.toCharArray());
        }
        client.connect(options).waitForCompletion(15_000);
        return client;
    }

    /**
     * Publishes one location and polls the device until it shows it; the nanos that took. The
     * polls are 2 ms apart for the first 20 ms, then a tenth of the time waited so far (at most
     * 10 ms): a resolution of 2 ms or 10%. The polls are load on the two cores they share with
     * what they time (ingestion runs at nice 10, below the API), and the longer a message takes
     * the more threads poll at once; so a slow message is polled less often, through a plain
     * socket kept alive per device ({@link PlainHttpGet}) rather than Java's {@code HttpClient}.
     */
    private long publishAndWait(MqttAsyncClient client, int device, long tst, int seq) throws Exception {
        String name = MosquittoLoad.device(device);
        PlainHttpGet get = polls.computeIfAbsent(device, d -> new PlainHttpGet(api.baseUrl,
                "/api/v1/devices/" + prefix + "/" + name, WaymarkApi.authorization()));
        long t0 = System.nanoTime();
        client.publish("owntracks/" + prefix + "/" + name, Publisher.location(device, tst, seq, 1));
        while (tstOf(get) != tst) {
            long waited = System.nanoTime() - t0;
            if (waited > TimeUnit.SECONDS.toNanos(30)) {
                throw new IllegalStateException(name + " tst " + tst + " not visible after 30 s");
            }
            TimeUnit.NANOSECONDS.sleep(pollInterval(waited));
        }
        return System.nanoTime() - t0;
    }

    /** The device's last-known tst, -1 while it has none or is unknown (404). */
    private static long tstOf(PlainHttpGet get) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        get.exchange(body);
        if (get.status() == 404) {
            return -1;
        }
        if (get.status() != 200) {
            throw new IOException("GET a device → HTTP " + get.status() + ": " + body.toString(StandardCharsets.UTF_8));
        }
        Object location = ((Map<?, ?>) Json.parse(body.toString(StandardCharsets.UTF_8))).get("location");
        Object tst = location instanceof Map<?, ?> l ? l.get("tst") : null;
        return tst == null ? -1 : ((Double) tst).longValue();
    }

    private static long pollInterval(long waitedNanos) {
        long twoMillis = TimeUnit.MILLISECONDS.toNanos(2);
        return Math.min(Math.max(twoMillis, waitedNanos / 10), TimeUnit.MILLISECONDS.toNanos(10));
    }

    private static void report(String what, long[] nanos, int count, double achieved) {
        Arrays.sort(nanos);
        double p50 = nanos[Math.max(0, (int) Math.ceil(0.50 * nanos.length) - 1)] / 1e6;
        double p99 = nanos[Math.max(0, (int) Math.ceil(0.99 * nanos.length) - 1)] / 1e6;
        double max = nanos[nanos.length - 1] / 1e6;
        System.out.printf(Locale.ROOT, "  publish → visible, %s: %d messages%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, count, Double.isNaN(achieved) ? "" : String.format(Locale.ROOT, " (%.0f msg/s achieved)", achieved),
                p50, p99, max);
        System.out.printf(Locale.ROOT, "RESULT visible-%s status=ok messages=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                + " achieved_rate=%.0f%n", what, count, p50, p99, max, achieved);
    }
}
