package io.waymark.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Waymark benchmark. Modes:
 * <ul>
 * <li>{@code ingest}: plays N distinct OwnTracks locations for D devices through C {@code mosquitto_pub -l}
 * processes and measures the time until the sink (Waymark, or a {@code mosquitto_sub} file for the
 * ceiling) has them all, exactly once;</li>
 * <li>{@code devices-latency}: makes sure D devices exist, then times {@code GET /api/v1/devices}, idle
 * and while an ingest load runs;</li>
 * <li>{@code visible-latency}: publish → visible in {@code GET /api/v1/devices/{user}/{device}};</li>
 * <li>{@code gc-overlap}: how many of the slow requests of {@code devices-latency --samples} were under way
 * during a collector's pause;</li>
 * <li>{@code jfr-top}: summarises a JFR recording (CPU samples or allocation by thread, package, frame);</li>
 * <li>{@code free-port}: prints a free TCP port (for scripts).</li>
 * </ul>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage();
            return;
        }
        String mode = args[0];
        Options options = Options.parse(args, 1);
        int rc = switch (mode) {
            case "ingest" -> new Ingest(options).run();
            case "devices-latency" -> new DevicesLatency(options).run();
            case "visible-latency" -> new VisibleLatency(options).run();
            case "jfr-top" -> JfrTop.run(options);
            case "gc-overlap" -> GcOverlap.run(options);
            case "free-port" -> freePort();
            default -> {
                System.err.println("unknown mode: " + mode);
                usage();
                yield 2;
            }
        };
        System.exit(rc);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            System.out.println(socket.getLocalPort());
        }
        return 0;
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar waymark-bench.jar <mode> [options]

                modes:
                  ingest           play N locations for D devices through mosquitto_pub -l processes, wait
                                   until the sink has them all, check exactly once
                      --broker-url tcp://127.0.0.1:1883  --messages 100000  --devices 100  --concurrency 20
                      --api-url http://localhost:8080 (sink: Waymark) | --sink-file <mosquitto_sub -v output>
                      --waymark-pid <pid>  --broker-pid <pid>  (CPU µs per message from /proc)
                      --label ingest  --work <dir for the load files>  --prefix bench-<random>  --timeout 600
                      --topic-root owntracks  (the topics' first level)
                      --card-face-bytes 0  (>0: each device first publishes a card with a face of that size)
                  devices-latency  make D devices exist (one location each), then time GET /api/v1/devices
                      --broker-url ...  --api-url ...  --devices 1000  --warmup 500  --requests 2000
                      --load-messages 100000 --load-devices 100 --concurrency 20  (also time it under that load)
                      --load-only true  (the devices exist already: only the requests under that load)
                      --samples <file>  (each request under load: its start, seconds since the epoch, and ms)
                      --prefix fleet  --timeout 120  --work <dir>  --client plain (a socket, the body read and dropped) | jdk (HttpClient)
                  visible-latency  publish -> visible in GET /api/v1/devices/{user}/{device}
                      --broker-url ...  --api-url ...  --single 100  --rate 100 --seconds 20 --devices 10
                  gc-overlap       the slow requests of devices-latency --samples beside a GC log's pauses
                      --samples <file>  --gc-log <-Xlog:gc with the time decorator>  --threshold-ms 15
                  jfr-top          summarise a JFR recording
                      --file rec.jfr  --top 25  --thread <substring>  --exclude-thread <substring>  --event cpu|alloc
                  free-port        print a free TCP port
                """);
    }

    /** {@code --name value} pairs. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args, int from) {
            Map<String, String> values = new HashMap<>();
            for (int i = from; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    values.put(name.substring(0, eq), name.substring(eq + 1));
                }
                else if (i + 1 < args.length) {
                    values.put(name, args[++i]);
                }
                else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
            }
            return new Options(values);
        }

        String string(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            String v = values.get(name);
            return v == null ? fallback : Integer.parseInt(v.replace("_", "").replace(",", ""));
        }
    }
}
