package io.waymark.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Publishes N distinct locations for D devices and measures the time from the first publish until
 * Waymark has stored them all: its {@code waymark.messages.stored{type=location}} counter grew by N
 * and every device's last-known tst is its last published tst.
 */
final class Ingest {

    private static final String STORED = "waymark.messages.stored";

    private final String brokerUrl;

    private final WaymarkApi api;

    private final int messages;

    private final int devices;

    private final int qos;

    private final int clients;

    private final int maxInflight;

    private final String prefix;

    private final long timeoutMillis;

    Ingest(Bench.Options o) {
        this.brokerUrl = o.string("broker-url", "tcp://127.0.0.1:1883");
        this.api = new WaymarkApi(o.string("api-url", "http://localhost:8080"));
        this.messages = o.integer("messages", 100_000);
        this.devices = o.integer("devices", 100);
        this.qos = o.integer("qos", 1);
        this.clients = Math.min(o.integer("clients", 4), devices);
        this.maxInflight = o.integer("max-inflight", 1000);
        this.prefix = o.string("prefix", "bench-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(o.integer("timeout", 600));
    }

    int run() throws Exception {
        System.out.printf(Locale.ROOT, "ingest: %,d location messages, %d devices (owntracks/%s/phone<j>), QoS %d,"
                + " %d publisher clients, max-inflight %d%n  broker %s, Waymark %s%n", messages, devices, prefix, qos,
                clients, maxInflight, brokerUrl, api.baseUrl);

        // distinct tst per device: device j gets tst base, base+1, ... (all in the past)
        int perDevice = (messages + devices - 1) / devices;
        long base = Instant.now().getEpochSecond() - perDevice - 60;
        Map<String, Long> lastTst = new HashMap<>();
        int[] count = new int[devices];
        try (Publisher publisher = new Publisher(brokerUrl, clients, maxInflight, prefix)) {
            List<List<Publisher.Msg>> perClient = new ArrayList<>();
            for (int c = 0; c < publisher.clientCount(); c++) {
                perClient.add(new ArrayList<>(messages / clients + devices));
            }
            int made = 0;
            for (int seq = 0; made < messages; seq++) {
                for (int j = 0; j < devices && made < messages; j++, made++) {
                    long tst = base + seq;
                    perClient.get(publisher.clientOf(j)).add(new Publisher.Msg(topic(j), Publisher.location(j, tst, seq, qos)));
                    lastTst.put(device(j), tst);
                    count[j]++;
                }
            }
            double storedBefore = api.metricCount(STORED, "type:location");
            double receivedBefore = api.metricCount("waymark.messages.received", "type:location");
            double batchesBefore = api.metric("waymark.ingest.batch.size", null, "COUNT");
            double batchedBefore = api.metric("waymark.ingest.batch.size", null, "TOTAL");
            System.out.printf(Locale.ROOT, "  payload e.g. %s (%d bytes)%n",
                    new String(perClient.get(0).get(0).message().getPayload()), perClient.get(0).get(0).message().getPayload().length);

            long start = System.nanoTime();
            long[] lastAck = { 0 };
            Throwable[] publishError = { null };
            Thread publishing = new Thread(() -> {
                try {
                    lastAck[0] = publisher.publishAll(perClient, timeoutMillis);
                }
                catch (Throwable ex) {
                    publishError[0] = ex;
                }
            }, "bench-publish");
            publishing.start();

            // poll Waymark until everything is stored
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            List<long[]> samples = new ArrayList<>(); // {nanos, stored}
            long storedAt = -1;
            long stored = 0;
            long lastProgress = System.nanoTime();
            long nextReport = start + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Thread.sleep(50);
                long now = System.nanoTime();
                stored = (long) (api.metricCount(STORED, "type:location") - storedBefore);
                if (samples.isEmpty() || samples.get(samples.size() - 1)[1] != stored) {
                    lastProgress = now;
                }
                samples.add(new long[] { now, stored });
                if (now >= nextReport) {
                    System.out.printf(Locale.ROOT, "  t=%5.1f s  acked by broker %,7d  stored %,7d%n", (now - start) / 1e9,
                            publisher.acked(), stored);
                    nextReport += TimeUnit.SECONDS.toNanos(5);
                }
                if (stored >= messages && allCurrent(lastTst)) {
                    storedAt = System.nanoTime();
                    break;
                }
                if (publishError[0] != null) {
                    break;
                }
                if (now - lastProgress > TimeUnit.SECONDS.toNanos(60)) {
                    System.out.println("  no progress for 60 s, giving up");
                    break;
                }
            }
            publishing.join(TimeUnit.SECONDS.toMillis(10));
            if (publishError[0] != null) {
                System.out.println("  PUBLISH FAILED: " + publishError[0]);
            }
            double publishSeconds = lastAck[0] == 0 ? Double.NaN : (lastAck[0] - start) / 1e9;
            if (storedAt < 0) {
                System.out.printf(Locale.ROOT, "  INCOMPLETE: %,d of %,d stored after %.1f s (published/acked: %,d)%n",
                        stored, messages, (System.nanoTime() - start) / 1e9, publisher.acked());
                System.out.printf(Locale.ROOT, "RESULT ingest status=incomplete messages=%d devices=%d stored=%d%n",
                        messages, devices, stored);
                return 1;
            }
            double totalSeconds = (storedAt - start) / 1e9;
            // nothing more must arrive (no duplicates counted as stored)
            Thread.sleep(1000);
            long storedAfter = (long) (api.metricCount(STORED, "type:location") - storedBefore);
            long received = (long) (api.metricCount("waymark.messages.received", "type:location") - receivedBefore);
            double batches = api.metric("waymark.ingest.batch.size", null, "COUNT") - batchesBefore;
            double batched = api.metric("waymark.ingest.batch.size", null, "TOTAL") - batchedBefore;
            double peak = peakRate(samples, TimeUnit.SECONDS.toNanos(1));

            System.out.printf(Locale.ROOT, "  published+acked by broker: %,d in %.2f s = %,.0f msg/s%n", publisher.acked(),
                    publishSeconds, messages / publishSeconds);
            System.out.printf(Locale.ROOT, "  stored by Waymark:         %,d in %.2f s = %,.0f msg/s (end to end, from first publish)%n",
                    storedAfter, totalSeconds, messages / totalSeconds);
            System.out.printf(Locale.ROOT, "  peak stored rate (1 s window): %,.0f msg/s; received counter +%,d;"
                    + " %.0f transactions, mean batch %.1f messages%n", peak, received, batches,
                    batches == 0 ? 0 : batched / batches);
            System.out.printf(Locale.ROOT, "  last-known tst of all %d devices = their last published tst: yes%n", devices);
            double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "  load generator CPU (whole bench process): %.1f s%n", cpu);
            if (storedAfter != messages) {
                System.out.printf(Locale.ROOT, "  WARNING: stored counter grew by %,d, expected %,d%n", storedAfter, messages);
            }
            System.out.printf(Locale.ROOT, "RESULT ingest status=ok messages=%d devices=%d qos=%d publish_s=%.3f"
                    + " publish_rate=%.0f total_s=%.3f stored_rate=%.0f peak_rate=%.0f mean_batch=%.1f%n", messages,
                    devices, qos, publishSeconds, messages / publishSeconds, totalSeconds, messages / totalSeconds,
                    peak, batches == 0 ? 0 : batched / batches);
            return storedAfter == messages ? 0 : 1;
        }
    }

    private boolean allCurrent(Map<String, Long> lastTst) throws Exception {
        Map<String, Long> known = api.lastKnownTst(prefix);
        for (Map.Entry<String, Long> e : lastTst.entrySet()) {
            if (!e.getValue().equals(known.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static double peakRate(List<long[]> samples, long window) {
        double peak = 0;
        int j = 0;
        for (int i = 0; i < samples.size(); i++) {
            while (samples.get(i)[0] - samples.get(j)[0] > window) {
                j++;
            }
            long dt = samples.get(i)[0] - samples.get(j)[0];
            if (dt >= window / 2) {
                peak = Math.max(peak, (samples.get(i)[1] - samples.get(j)[1]) * 1e9 / dt);
            }
        }
        return peak;
    }

    private String topic(int j) {
        return "owntracks/" + prefix + "/" + device(j);
    }

    private static String device(int j) {
        return "phone" + j;
    }
}
