package io.waymark.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: one C {@code mosquitto_pub -l -q 1} process per device, each reading that
 * device's locations (one JSON per line, in tst order) from a file, {@code concurrency} processes
 * at a time. It costs a few µs of CPU per message (Paho cost ~120 µs), so on a 2-core machine it
 * no longer hides the system under test. {@code mosquitto_pub -l} waits for the last PUBACK before
 * it disconnects, so a process that exits 0 had every message acknowledged.
 */
final class MosquittoLoad {

    /** Credentials for every publisher (and Paho client) of the bench, from the environment. */
    static final String USER = System.getenv().getOrDefault("BENCH_MQTT_USER", "");

    static final String PASSWORD = System.getenv().getOrDefault("BENCH_MQTT_PASSWORD", "");

    private final String host;

    private final int port;

    private final int concurrency;

    private final Path dir;

    private final List<Path> files = new ArrayList<>();

    /** device name → last tst published for it. */
    final Map<String, Long> lastTst = new TreeMap<>();

    /** device name → messages published for it. */
    final Map<String, Integer> count = new TreeMap<>();

    final int messages;

    /** Whether each device first publishes a card (then {@link #lines} is one more per device). */
    private final boolean cards;

    final String prefix;

    /** The topics' first level: {@code owntracks}, or one no Waymark subscribes to (a ceiling run beside a Waymark). */
    final String root;

    private final AtomicLong done = new AtomicLong();

    /** CPU seconds of the mosquitto_pub processes and the wall time of the last run. */
    double cpuSeconds;

    long startNanos;

    long endNanos;

    /**
     * Writes the load to {@code dir}: N distinct locations for D devices, device j getting tst
     * base, base+1, … (all in the past, so nothing is a duplicate).
     */
    MosquittoLoad(String brokerUrl, Path dir, String root, String prefix, int messages, int devices, int concurrency,
            int cardFaceBytes) throws IOException {
        URI uri = URI.create(brokerUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 1883 : uri.getPort();
        this.concurrency = concurrency;
        this.messages = messages;
        this.cards = cardFaceBytes > 0;
        this.prefix = prefix;
        this.root = root;
        this.dir = dir;
        Files.createDirectories(dir);
        int perDevice = (messages + devices - 1) / devices;
        long base = Instant.now().getEpochSecond() - perDevice - 60;
        List<StringBuilder> lines = new ArrayList<>();
        // a phone with a card (the apps send one with a face for friends to see): its first message
        String face = "A".repeat(cardFaceBytes / 3 * 4); // base64 of cardFaceBytes bytes
        for (int j = 0; j < devices; j++) {
            StringBuilder device = new StringBuilder(perDevice * 200 + face.length() + 64);
            if (cards) {
                device.append("{\"_type\":\"card\",\"name\":\"Phone ").append(j).append("\",\"face\":\"")
                    .append(face).append("\"}\n");
            }
            lines.add(device);
        }
        int made = 0;
        for (int seq = 0; made < messages; seq++) {
            for (int j = 0; j < devices && made < messages; j++, made++) {
                long tst = base + seq;
                lines.get(j).append(Publisher.json(j, tst, seq)).append('\n');
                lastTst.put(device(j), tst);
                count.merge(device(j), 1, Integer::sum);
            }
        }
        for (int j = 0; j < devices; j++) {
            Path file = dir.resolve(device(j) + ".jsonl");
            Files.writeString(file, lines.get(j), StandardCharsets.UTF_8);
            files.add(file);
        }
    }

    /** The lines published: the messages, and a card for each device if asked for. */
    long lines() {
        return messages + (cards ? files.size() : 0);
    }

    static String device(int j) {
        return "phone" + j;
    }

    String topic(int j) {
        return root + "/" + prefix + "/" + device(j);
    }

    /** Processes that have exited so far in the running load. */
    long finishedProcesses() {
        return done.get();
    }

    /** Why the last {@link #start}ed run failed; null while it has not. */
    volatile Throwable failure;

    /** {@link #run} on a thread of its own, for measuring while the load runs. */
    Thread start() {
        Thread thread = new Thread(() -> {
            try {
                run();
            }
            catch (Throwable ex) {
                failure = ex;
            }
        }, "bench-load");
        thread.start();
        return thread;
    }

    /** Runs every publisher, {@code concurrency} at a time, and waits for all; throws if one failed. */
    void run() throws Exception {
        long self = ProcessHandle.current().pid();
        double cpuBefore = ProcStat.childrenCpuSeconds(self);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Integer>> results = new ArrayList<>();
        startNanos = System.nanoTime();
        try {
            for (int j = 0; j < files.size(); j++) {
                int device = j;
                results.add(pool.submit(() -> publish(device)));
            }
            List<String> failures = new ArrayList<>();
            for (int j = 0; j < results.size(); j++) {
                int rc = results.get(j).get();
                if (rc != 0) {
                    failures.add(device(j) + " rc=" + rc);
                }
            }
            endNanos = System.nanoTime();
            cpuSeconds = ProcStat.childrenCpuSeconds(self) - cpuBefore;
            if (!failures.isEmpty()) {
                throw new IllegalStateException("mosquitto_pub failed: " + failures);
            }
        }
        finally {
            pool.shutdownNow();
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
    }

    private int publish(int device) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", host, "-p", Integer.toString(port),
                "-q", "1", "-l", "-t", topic(device), "-i", prefix + "-" + device));
        if (!USER.isEmpty()) {
            command.addAll(List.of("-u", USER, "-P", PASSWORD));
        }
        Process process = new ProcessBuilder(command).redirectInput(files.get(device).toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        int rc = process.waitFor();
        done.incrementAndGet();
        return rc;
    }
}
