package io.waymark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the slow requests of a {@code devices-latency --samples} file beside the collector's pauses
 * in a GC log written with the {@code time} decorator ({@code -Xlog:gc:file=…:time,uptime,level,tags}):
 * how many of the requests over a threshold were under way while the world was stopped, and how
 * many pauses fell in the requests' window. A pause is logged at its end, with its length.
 */
final class GcOverlap {

    private static final Pattern PAUSE = Pattern
        .compile("^\\[([0-9T:.+\\-]+)\\].*Pause (Young|Full).* ([0-9.]+)ms$");

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** A pause or a request, in microseconds since the epoch. */
    record Span(long start, long end) {

        long micros() {
            return end - start;
        }

        long overlap(Span other) {
            return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
        }
    }

    private GcOverlap() {
    }

    static int run(Bench.Options o) throws IOException {
        Path samplesFile = Path.of(o.string("samples", "devices-load-samples.txt"));
        Path gcLog = Path.of(o.string("gc-log", "gc.log"));
        for (Path file : List.of(samplesFile, gcLog)) {
            if (!Files.isReadable(file)) {
                System.out.println("  gc-overlap: no " + file + " (did the requests under load run?)");
                return 1;
            }
        }
        List<Span> requests = requests(samplesFile);
        List<Span> pauses = pauses(gcLog);
        double threshold = Double.parseDouble(o.string("threshold-ms", "15"));
        if (requests.isEmpty()) {
            System.out.println("  no requests in the samples");
            return 1;
        }
        Span window = new Span(requests.get(0).start(), requests.get(requests.size() - 1).end());
        double[] inWindow = pauses.stream().filter(p -> window.overlap(p) > 0)
            .mapToDouble(p -> p.micros() / 1e3).sorted().toArray();
        double p50 = inWindow.length == 0 ? 0 : inWindow[inWindow.length / 2];
        double max = inWindow.length == 0 ? 0 : inWindow[inWindow.length - 1];
        int slow = 0;
        int hit = 0;
        long slowMicros = 0;
        long stoppedMicros = 0;
        for (Span r : requests) {
            if (r.micros() / 1e3 < threshold) {
                continue;
            }
            slow++;
            slowMicros += r.micros();
            long stopped = pauses.stream().mapToLong(r::overlap).sum();
            if (stopped > 0) {
                hit++;
                stoppedMicros += stopped;
            }
        }
        System.out.printf(Locale.ROOT, "  GC beside the device list under load: %d pauses in the %.1f s of requests (%.2f%% of"
                + " %d requests), %.0f ms in all, p50 %.1f ms, max %.1f ms; of the %d requests over %.0f ms, %d were under way"
                + " during a pause, which took %.0f%% of their time%n", inWindow.length, window.micros() / 1e6,
                100.0 * inWindow.length / requests.size(), requests.size(), Arrays.stream(inWindow).sum(),
                p50, max, slow, threshold, hit,
                slowMicros == 0 ? 0 : 100.0 * stoppedMicros / slowMicros);
        System.out.printf(Locale.ROOT, "RESULT devices-latency-load-gc status=ok pauses=%d pause_p50_ms=%.1f slow=%d"
                + " slow_in_pause=%d%n", inWindow.length, p50, slow, hit);
        return 0;
    }

    /** {@code <seconds since the epoch, to the µs> <ms>} per line. */
    static List<Span> requests(Path file) throws IOException {
        List<Span> spans = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            int dot = parts[0].indexOf('.');
            long start = Long.parseLong(parts[0].substring(0, dot)) * 1_000_000 + Long.parseLong(parts[0].substring(dot + 1));
            spans.add(new Span(start, start + Math.round(Double.parseDouble(parts[1]) * 1e3)));
        }
        return spans;
    }

    static List<Span> pauses(Path gcLog) throws IOException {
        List<Span> spans = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            OffsetDateTime at = OffsetDateTime.parse(m.group(1), LOG_TIME);
            long end = at.toEpochSecond() * 1_000_000 + at.getNano() / 1_000;
            spans.add(new Span(end - Math.round(Double.parseDouble(m.group(3)) * 1e3), end));
        }
        return spans;
    }
}
