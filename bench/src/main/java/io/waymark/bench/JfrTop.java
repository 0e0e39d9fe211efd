package io.waymark.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises {@code jdk.ExecutionSample} events: samples per thread, self time by top frame and by
 * package, and inclusive time of frames (each method counted once per stack).
 */
final class JfrTop {

    private JfrTop() {
    }

    static int run(Bench.Options o) throws Exception {
        Path file = Path.of(o.string("file", "recording.jfr"));
        int top = o.integer("top", 25);
        String threadFilter = o.string("thread", null);
        // e.g. http-nio: during the ingest runs those threads serve only the bench's own polling and checks
        String threadExclude = o.string("exclude-thread", null);
        // cpu: jdk.ExecutionSample, one per sample; alloc: jdk.ObjectAllocationSample, weighted by bytes
        boolean alloc = o.string("event", "cpu").equals("alloc");
        String eventName = alloc ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
        Map<String, Long> allocatedTypes = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> selfPackage = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> inclusiveOwn = new HashMap<>();
        long total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals(eventName) || event.getStackTrace() == null) {
                    continue;
                }
                RecordedThread thread = event.getThread(alloc ? "eventThread" : "sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                if (threadFilter != null && !threadName.contains(threadFilter)
                        || threadExclude != null && threadName.contains(threadExclude)) {
                    continue;
                }
                long w = alloc ? event.getLong("weight") : 1;
                total += w;
                threads.merge(threadName.replaceAll("\\d+", "N"), w, Long::sum);
                if (alloc) {
                    allocatedTypes.merge(event.getClass("objectClass").getName(), w, Long::sum);
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                String topFrame = name(frames.get(0));
                self.merge(topFrame, w, Long::sum);
                selfPackage.merge(pkg(frames.get(0)), w, Long::sum);
                Set<String> seen = new HashSet<>();
                Set<String> seenOwn = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        inclusive.merge(n, w, Long::sum);
                    }
                    if (n.startsWith("io.waymark") && seenOwn.add(n)) {
                        inclusiveOwn.merge(n, w, Long::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d %s%s%n", file, total, alloc ? "bytes sampled" : "execution samples",
                (threadFilter == null ? "" : " on threads matching '" + threadFilter + "'")
                        + (threadExclude == null ? "" : ", threads matching '" + threadExclude + "' left out"));
        print("samples by thread (digits → N)", threads, total, top);
        if (alloc) {
            print("allocated types", allocatedTypes, total, top);
        }
        print("self time by package", selfPackage, total, top);
        print("self time by method (top frame)", self, total, top);
        print("inclusive time by method (on the stack)", inclusive, total, top * 2);
        print("inclusive time, Waymark methods", inclusiveOwn, total, top);
        return 0;
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(top)
            .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %12d  %s%n", 100.0 * e.getValue() / total,
                    e.getValue(), e.getKey()));
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    private static String pkg(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) {
            return "?";
        }
        String type = m.getType().getName();
        String[] parts = type.split("\\.");
        int keep = Math.min(parts.length - 1, type.startsWith("java.") || type.startsWith("jdk.")
                || type.startsWith("sun.") ? 2 : 3);
        return keep <= 0 ? type : String.join(".", java.util.Arrays.copyOf(parts, keep));
    }
}
