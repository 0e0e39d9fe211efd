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
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfPackage = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> inclusiveOwn = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                if (threadFilter != null && !threadName.contains(threadFilter)) {
                    continue;
                }
                total++;
                threads.merge(threadName.replaceAll("\\d+", "N"), 1, Integer::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                String topFrame = name(frames.get(0));
                self.merge(topFrame, 1, Integer::sum);
                selfPackage.merge(pkg(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                Set<String> seenOwn = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        inclusive.merge(n, 1, Integer::sum);
                    }
                    if (n.startsWith("io.waymark") && seenOwn.add(n)) {
                        inclusiveOwn.merge(n, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d execution samples%s%n", file, total,
                threadFilter == null ? "" : " on threads matching '" + threadFilter + "'");
        print("samples by thread (digits → N)", threads, total, top);
        print("self time by package", selfPackage, total, top);
        print("self time by method (top frame)", self, total, top);
        print("inclusive time by method (on the stack)", inclusive, total, top * 2);
        print("inclusive time, Waymark methods", inclusiveOwn, total, top);
        return 0;
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(top)
            .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %7d  %s%n", 100.0 * e.getValue() / total,
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
