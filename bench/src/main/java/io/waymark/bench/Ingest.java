package io.waymark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays the {@link MosquittoLoad} into a broker and measures the time from the first publish until
 * the sink has everything: Waymark (its {@code waymark.messages.stored{type=location}} counter grew
 * by N and every device's last-known tst is its last published one) or, for the ceiling, a
 * {@code mosquitto_sub -v -q 1} writing to a file (N lines). Then it checks that everything arrived
 * exactly once: every device's stored history is exactly the tsts published for it (the file: N
 * distinct lines, no more).
 */
final class Ingest {

    private static final String STORED = "waymark.messages.stored";

    private static final String[] JIT_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};

    private static final String[] VM_THREAD = {"VM Thread"};

    private final Bench.Options o;

    private final String label;

    private final String brokerUrl;

    private final WaymarkApi api;

    private final Path sinkFile;

    private final long waymarkPid;

    private final long brokerPid;

    private final long timeoutNanos;

    /** PostgreSQL backends serving Waymark's pool: their CPU is the database's share of the work. */
    private final long[] dbPids;

    Ingest(Bench.Options o) {
        this.o = o;
        this.label = o.string("label", "ingest");
        this.brokerUrl = o.string("broker-url", "tcp://127.0.0.1:1883");
        String sink = o.string("sink-file", null);
        this.sinkFile = sink == null ? null : Path.of(sink);
        this.api = sinkFile == null ? new WaymarkApi(o.string("api-url", "http://localhost:8080")) : null;
        this.waymarkPid = o.integer("waymark-pid", 0);
        this.brokerPid = o.integer("broker-pid", 0);
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(o.integer("timeout", 600));
        String pids = o.string("db-pids", "").trim();
        this.dbPids = pids.isEmpty() ? new long[0] : Arrays.stream(pids.split("[,\\s]+")).mapToLong(Long::parseLong).toArray();
    }

    static MosquittoLoad load(Bench.Options o, String brokerUrl) throws IOException {
        String prefix = o.string("prefix", "bench-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        Path dir = Path.of(o.string("work", System.getProperty("java.io.tmpdir"))).resolve("load-" + prefix);
        return new MosquittoLoad(brokerUrl, dir, o.string("topic-root", "owntracks"), prefix,
                o.integer("messages", 100_000), o.integer("devices", 100),
                o.integer("concurrency", 20), o.integer("card-face-bytes", 0));
    }

    int run() throws Exception {
        MosquittoLoad load = load(o, brokerUrl);
        int n = load.messages;
        long expected = sinkFile != null ? load.lines() : n; // a sink file gets the cards too
        System.out.printf(Locale.ROOT, "%s: %,d locations, %d devices (%s/%s/phone<j>), %d mosquitto_pub -l -q 1"
                + " at a time → %s; sink %s%n", label, n, load.count.size(), load.root, load.prefix, o.integer("concurrency", 20),
                brokerUrl, sinkFile != null ? "mosquitto_sub → " + sinkFile : "Waymark " + api.baseUrl);
        double storedBefore = sinkFile == null ? api.metricCount(STORED, "type:location") : 0;
        long linesBefore = sinkFile == null ? 0 : lines(sinkFile);
        double batchesBefore = sinkFile != null ? 0 : api.metric("waymark.ingest.batch.size", null, "COUNT");
        double batchedBefore = sinkFile != null ? 0 : api.metric("waymark.ingest.batch.size", null, "TOTAL");
        double waymarkCpu0 = ProcStat.cpuSeconds(waymarkPid);
        double jitCpu0 = ProcStat.threadsCpuSeconds(waymarkPid, JIT_THREADS);
        double vmCpu0 = ProcStat.threadsCpuSeconds(waymarkPid, VM_THREAD);
        double brokerCpu0 = ProcStat.cpuSeconds(brokerPid);
        double selfCpu0 = ProcStat.cpuSeconds(ProcessHandle.current().pid());
        double dbCpu0 = dbCpu();

        long start = System.nanoTime();
        Thread publishing = load.start();

        long doneAt = -1;
        long got = 0;
        long lastChange = start;
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() - start < timeoutNanos) {
            Thread.sleep(pollMillis(got, expected, System.nanoTime() - start));
            long now = System.nanoTime();
            long count = sinkFile == null ? (long) (api.metricCount(STORED, "type:location") - storedBefore)
                    : lines(sinkFile) - linesBefore;
            if (count != got) {
                got = count;
                lastChange = now;
            }
            if (now >= nextReport) {
                System.out.printf(Locale.ROOT, "  t=%5.1f s  publishers done %3d  arrived %,7d%n", (now - start) / 1e9,
                        load.finishedProcesses(), got);
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            if (got >= expected && (sinkFile != null || allCurrent(load))) {
                doneAt = System.nanoTime();
                break;
            }
            if (load.failure != null || now - lastChange > TimeUnit.SECONDS.toNanos(60)) {
                break;
            }
        }
        double waymarkCpu = ProcStat.cpuSeconds(waymarkPid) - waymarkCpu0;
        double jitCpu = ProcStat.threadsCpuSeconds(waymarkPid, JIT_THREADS) - jitCpu0;
        double vmCpu = ProcStat.threadsCpuSeconds(waymarkPid, VM_THREAD) - vmCpu0;
        double brokerCpu = ProcStat.cpuSeconds(brokerPid) - brokerCpu0;
        double dbCpu = dbCpu() - dbCpu0;
        publishing.join(TimeUnit.SECONDS.toMillis(60));
        double selfCpu = ProcStat.cpuSeconds(ProcessHandle.current().pid()) - selfCpu0;
        if (load.failure != null) {
            System.out.println("  LOAD FAILED: " + load.failure);
        }
        if (doneAt < 0) {
            System.out.printf(Locale.ROOT, "  INCOMPLETE: %,d of %,d after %.1f s%n", got, n, (System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "RESULT %s status=incomplete messages=%d arrived=%d%n", label, n, got);
            return 1;
        }
        double seconds = (doneAt - start) / 1e9;
        double publishSeconds = (load.endNanos - load.startNanos) / 1e9;
        Thread.sleep(1000); // anything arriving late would be a duplicate
        String exact = sinkFile == null ? checkStored(load, storedBefore) : checkFile(expected, linesBefore);
        double batches = sinkFile == null ? api.metric("waymark.ingest.batch.size", null, "COUNT") - batchesBefore : 0;
        double batched = sinkFile == null ? api.metric("waymark.ingest.batch.size", null, "TOTAL") - batchedBefore : 0;
        double rss = ProcStat.rssMegabytes(waymarkPid);
        System.out.printf(Locale.ROOT, "  all %,d arrived in %.2f s = %,.0f msg/s (publishers done after %.2f s);"
                + " exactly once: %s%n", n, seconds, n / seconds, publishSeconds, exact);
        System.out.printf(Locale.ROOT, "  CPU per message: load generator %.1f µs, Waymark %.1f µs (of which the JIT %.1f,"
                + " the VM thread/GC %.1f), broker %.1f µs, database %.1f µs, bench JVM (polling) %.1f µs; mean batch %.1f;"
                + " Waymark RSS %.0f MB%n", us(load.cpuSeconds, n), us(waymarkCpu, n), us(jitCpu, n), us(vmCpu, n),
                us(brokerCpu, n), us(dbCpu, n), us(selfCpu, n), batches == 0 ? 0 : batched / batches, rss);
        System.out.printf(Locale.ROOT, "RESULT %s status=%s messages=%d rate=%.0f total_s=%.2f publish_s=%.2f"
                + " load_cpu_us=%.1f waymark_cpu_us=%.1f jit_cpu_us=%.1f vm_cpu_us=%.1f broker_cpu_us=%.1f db_cpu_us=%s"
                + " mean_batch=%.1f rss_mb=%.0f exact=%s%n", label, exact.equals("yes") ? "ok" : "wrong", n, n / seconds,
                seconds, publishSeconds, us(load.cpuSeconds, n), us(waymarkCpu, n), us(jitCpu, n), us(vmCpu, n), us(brokerCpu, n),
                dbPids.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", us(dbCpu, n)), batches == 0 ? 0 : batched / batches, rss, exact.replace(' ', '_'));
        return exact.equals("yes") ? 0 : 1;
    }

    private double dbCpu() {
        double sum = 0;
        for (long pid : dbPids) {
            double cpu = ProcStat.cpuSeconds(pid);
            sum += Double.isNaN(cpu) ? 0 : cpu;
        }
        return sum;
    }

    private static double us(double seconds, int n) {
        return seconds * 1e6 / n;
    }

    private boolean allCurrent(MosquittoLoad load) throws Exception {
        Map<String, Long> known = api.lastKnownTst(load.prefix);
        for (Map.Entry<String, Long> e : load.lastTst.entrySet()) {
            if (!e.getValue().equals(known.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Each device's history is exactly its published tsts, once each; the last-known is the newest. */
    private String checkStored(MosquittoLoad load, double storedBefore) throws Exception {
        long counted = (long) (api.metricCount(STORED, "type:location") - storedBefore);
        if (!allCurrent(load)) {
            return "last-known not the newest";
        }
        for (Map.Entry<String, Long> e : load.lastTst.entrySet()) {
            int expected = load.count.get(e.getKey());
            long first = e.getValue() - expected + 1;
            List<Long> tsts = api.locationTsts(load.prefix, e.getKey(), first);
            Set<Long> distinct = new HashSet<>(tsts);
            if (tsts.size() != expected || distinct.size() != expected || !distinct.contains(first)
                    || !distinct.contains(e.getValue())) {
                return e.getKey() + " has " + tsts.size() + " rows (" + distinct.size() + " distinct), expected " + expected;
            }
        }
        return counted == load.messages ? "yes" : "rows exact, but the stored counter grew by " + counted;
    }

    /**
     * Every poll costs the machine CPU the sink needs (an HTTP request and its JSON, or counting
     * lines): every 100 ms while most of the run is ahead, every 20 ms as its end nears, so the end is
     * still seen within 20 ms.
     */
    static long pollMillis(long got, long n, long elapsedNanos) {
        if (got <= 0) {
            return 100;
        }
        if (got >= n) {
            return 20;
        }
        double remainingMillis = (n - got) * (elapsedNanos / 1e6) / got;
        return (long) Math.max(20, Math.min(100, remainingMillis / 2));
    }

    private String checkFile(long n, long linesBefore) throws IOException {
        List<String> all = Files.readAllLines(sinkFile, StandardCharsets.UTF_8);
        List<String> run = all.subList((int) linesBefore, all.size());
        long distinct = new HashSet<>(run).size();
        return run.size() == n && distinct == n ? "yes" : run.size() + " lines, " + distinct + " distinct";
    }

    private long linesRead;

    private long bytesRead;

    /** Lines in the file so far, reading only what was appended since the last call. */
    private long lines(Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bytesRead);
            for (int r; (r = in.read(buffer)) > 0;) {
                bytesRead += r;
                for (int i = 0; i < r; i++) {
                    if (buffer[i] == '\n') {
                        linesRead++;
                    }
                }
            }
        }
        return linesRead;
    }
}
