package io.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes D devices exist (one location each), then times sequential {@code GET /api/v1/devices}: idle,
 * and while an ingest load runs. With {@code --load-only} the devices are there already (an earlier
 * run of this mode) and only the requests under load are timed: {@code bench/run.sh} does that after
 * its warm-up runs, so that the figure is of a warm server, not of one whose JIT is still compiling.
 */
final class DevicesLatency {

    private final String brokerUrl;

    private final WaymarkApi api;

    private final int devices;

    private final int warmup;

    private final int requests;

    private final String prefix;

    private final long timeoutMillis;

    private final Bench.Options loadOptions;

    private final boolean loadOnly;

    /** plain: {@link PlainHttpGet}; jdk: Java's {@code HttpClient}, as before d344924. */
    private final String client;

    /** Where to write each request under load (its wall-clock start and its time), to set beside a GC log; or null. */
    private final Path samples;

    DevicesLatency(Bench.Options o) {
        this.brokerUrl = o.string("broker-url", "tcp://127.0.0.1:1883");
        this.api = new WaymarkApi(o.string("api-url", "http://localhost:8080"));
        this.devices = o.integer("devices", 1000);
        this.warmup = o.integer("warmup", 500);
        this.requests = o.integer("requests", 2000);
        this.prefix = o.string("prefix", "fleet");
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(o.integer("timeout", 120));
        // with --load-messages: also time the requests while that ingest load runs
        this.loadOptions = o.values().containsKey("load-messages") ? new Bench.Options(java.util.Map.of("messages",
                o.string("load-messages", "100000"), "devices", o.string("load-devices", "100"), "concurrency",
                o.string("concurrency", "20"), "work", o.string("work", System.getProperty("java.io.tmpdir")))) : null;
        this.loadOnly = Boolean.parseBoolean(o.string("load-only", "false"));
        this.client = o.string("client", "plain");
        this.samples = o.values().containsKey("samples") ? Path.of(o.string("samples", "")) : null;
        if (!client.equals("plain") && !client.equals("jdk")) {
            throw new IllegalArgumentException("--client is plain or jdk, not " + client);
        }
        if (loadOnly && loadOptions == null) {
            throw new IllegalArgumentException("--load-only needs --load-messages");
        }
    }

    int run() throws Exception {
        if (loadOnly) {
            System.out.printf(Locale.ROOT, "devices-latency under load: sequential GET /api/v1/devices while %s"
                    + " locations are published%n  broker %s, Waymark %s, client %s%n", loadOptions.string("messages", "?"),
                    brokerUrl, api.baseUrl, client);
            try (Get get = get()) {
                return underLoad(get);
            }
        }
        System.out.printf(Locale.ROOT, "devices-latency: %d devices (owntracks/%s/phone<j>), %d warm-up + %d measured"
                + " sequential GET /api/v1/devices%n  broker %s, Waymark %s, client %s%n", devices, prefix, warmup, requests,
                brokerUrl, api.baseUrl, client);
        long tst = Instant.now().getEpochSecond() - 30;
        try (Publisher publisher = new Publisher(brokerUrl, Math.min(4, devices), 1000, prefix)) {
            List<List<Publisher.Msg>> perClient = new ArrayList<>();
            for (int c = 0; c < publisher.clientCount(); c++) {
                perClient.add(new ArrayList<>());
            }
            for (int j = 0; j < devices; j++) {
                perClient.get(publisher.clientOf(j)).add(new Publisher.Msg("owntracks/" + prefix + "/phone" + j,
                        Publisher.location(j, tst, j, 1)));
            }
            publisher.publishAll(perClient, timeoutMillis);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            Map<String, Long> known = api.lastKnownTst(prefix);
            long ready = known.values().stream().filter(t -> t == tst).count();
            if (ready >= devices) {
                break;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf("  only %d of %d devices have their location after %d s%n", ready, devices,
                        timeoutMillis / 1000);
                System.out.println("RESULT devices-latency status=incomplete");
                return 1;
            }
            Thread.sleep(100);
        }

        try (Get get = get()) {
            byte[] first = get.body();
            List<?> all = (List<?>) Json.parse(new String(first, StandardCharsets.UTF_8));
            System.out.printf(Locale.ROOT, "  GET /api/v1/devices returns %d devices, %,d bytes%n", all.size(), first.length);

            for (int i = 0; i < warmup; i++) {
                get.send();
            }
            long[] idle = new long[requests];
            for (int i = 0; i < requests; i++) {
                idle[i] = time(get);
            }
            report("idle", idle, all.size(), first.length);
            return loadOptions == null ? 0 : underLoad(get);
        }
    }

    /** The same requests while the ingest load runs (it adds its own devices to the answer). */
    private int underLoad(Get get) throws Exception {
        MosquittoLoad load = Ingest.load(loadOptions, brokerUrl);
        double target = api.metricCount("waymark.messages.stored", "type:location") + load.messages;
        Thread publishing = load.start();
        long[] busy = new long[1 << 16];
        long[] startedMicros = new long[busy.length];
        int count = 0;
        // until the publishers are done and Waymark has stored it all (via Mosquitto it lags behind)
        boolean ingesting = true;
        while (ingesting && count < busy.length) {
            startedMicros[count] = epochMicros();
            busy[count++] = time(get);
            if (count % 10 == 0) {
                ingesting = publishing.isAlive()
                        || api.metricCount("waymark.messages.stored", "type:location") < target;
            }
        }
        publishing.join();
        if (load.failure != null) {
            System.out.println("  LOAD FAILED: " + load.failure);
            System.out.println("RESULT devices-latency-load status=failed");
            return 1;
        }
        System.out.printf(Locale.ROOT, "  under load: %,d locations published in %.1f s (%,.0f msg/s acknowledged)%n",
                load.messages, (load.endNanos - load.startNanos) / 1e9,
                load.messages / ((load.endNanos - load.startNanos) / 1e9));
        if (samples != null) {
            writeSamples(startedMicros, busy, count);
        }
        byte[] last = get.body();
        report("load", Arrays.copyOf(busy, count), ((List<?>) Json.parse(new String(last, StandardCharsets.UTF_8))).size(),
                last.length);
        return 0;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** One line per request: its start (seconds since the epoch, to the microsecond, as {@code -Xlog}'s {@code time} can be read) and its time in ms. */
    private void writeSamples(long[] startedMicros, long[] nanos, int count) throws IOException {
        StringBuilder lines = new StringBuilder(count * 24);
        for (int i = 0; i < count; i++) {
            lines.append(String.format(Locale.ROOT, "%d.%06d %.3f%n", startedMicros[i] / 1_000_000,
                    startedMicros[i] % 1_000_000, nanos[i] / 1e6));
        }
        Files.writeString(samples, lines);
        System.out.printf("  each request's start and time: %s%n", samples);
    }

    private static long time(Get get) throws Exception {
        long t0 = System.nanoTime();
        get.send();
        return System.nanoTime() - t0;
    }

    /** {@code GET /api/v1/devices} through the chosen client; the timed {@link #send} reads the body and drops it. */
    private interface Get extends AutoCloseable {

        void send() throws Exception;

        byte[] body() throws Exception;

        @Override
        void close() throws IOException;
    }

    private Get get() {
        if (client.equals("jdk")) {
            HttpRequest request = api.request("/api/v1/devices");
            return new Get() {
                @Override
                public void send() throws Exception {
                    body();
                }

                @Override
                public byte[] body() throws Exception {
                    HttpResponse<byte[]> response = api.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return response.body();
                }

                @Override
                public void close() {
                }
            };
        }
        PlainHttpGet plain = new PlainHttpGet(api.baseUrl, "/api/v1/devices", WaymarkApi.authorization());
        return new Get() {
            @Override
            public void send() throws IOException {
                plain.send(null);
            }

            @Override
            public byte[] body() throws IOException {
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                plain.send(copy);
                return copy.toByteArray();
            }

            @Override
            public void close() throws IOException {
                plain.close();
            }
        };
    }

    private void report(String what, long[] nanos, int returned, int bytes) {
        what = client.equals("jdk") ? what + "-jdk" : what;
        Arrays.sort(nanos);
        double p50 = ms(pct(nanos, 50));
        double p90 = ms(pct(nanos, 90));
        double p99 = ms(pct(nanos, 99));
        double max = ms(nanos[nanos.length - 1]);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "  %s: %d sequential requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms,"
                + " mean %.2f ms%n", what, nanos.length, p50, p90, p99, max, mean);
        System.out.printf(Locale.ROOT, "RESULT devices-latency-%s status=ok returned=%d bytes=%d requests=%d"
                + " p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f%n", what, returned, bytes, nanos.length,
                p50, p90, p99, max, mean);
    }

    private static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
