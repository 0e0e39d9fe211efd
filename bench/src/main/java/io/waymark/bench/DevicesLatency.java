package io.waymark.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Makes D devices exist (one location each), then times sequential {@code GET /api/v1/devices}. */
final class DevicesLatency {

    private final String brokerUrl;

    private final WaymarkApi api;

    private final int devices;

    private final int warmup;

    private final int requests;

    private final String prefix;

    private final long timeoutMillis;

    DevicesLatency(Bench.Options o) {
        this.brokerUrl = o.string("broker-url", "tcp://127.0.0.1:1883");
        this.api = new WaymarkApi(o.string("api-url", "http://localhost:8080"));
        this.devices = o.integer("devices", 1000);
        this.warmup = o.integer("warmup", 500);
        this.requests = o.integer("requests", 2000);
        this.prefix = o.string("prefix", "fleet");
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(o.integer("timeout", 120));
    }

    int run() throws Exception {
        System.out.printf(Locale.ROOT, "devices-latency: %d devices (owntracks/%s/phone<j>), %d warm-up + %d measured"
                + " sequential GET /api/v1/devices%n  broker %s, Waymark %s%n", devices, prefix, warmup, requests,
                brokerUrl, api.baseUrl);
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

        HttpRequest request = api.request("/api/v1/devices");
        HttpResponse<byte[]> first = api.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        List<?> all = (List<?>) Json.parse(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "  GET /api/v1/devices returns %d devices, %,d bytes%n", all.size(), first.body().length);

        for (int i = 0; i < warmup; i++) {
            check(api.http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        }
        long[] nanos = new long[requests];
        long begin = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            check(api.http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            nanos[i] = System.nanoTime() - t0;
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(nanos);
        double p50 = ms(pct(nanos, 50));
        double p90 = ms(pct(nanos, 90));
        double p99 = ms(pct(nanos, 99));
        double max = ms(nanos[nanos.length - 1]);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "  latency over %d requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms,"
                + " mean %.2f ms (%.0f requests/s)%n", requests, p50, p90, p99, max, mean, requests / wall);
        System.out.printf(Locale.ROOT, "RESULT devices-latency status=ok devices=%d returned=%d bytes=%d requests=%d"
                + " p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f%n", devices, all.size(),
                first.body().length, requests, p50, p90, p99, max, mean);
        return 0;
    }

    private static void check(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }

    private static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
