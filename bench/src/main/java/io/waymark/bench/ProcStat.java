package io.waymark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, from {@code /proc} (Linux). CPU seconds do not depend
 * on how long a process waited for a core, so they hold up on a shared machine where wall-clock
 * rates do not.
 */
final class ProcStat {

    /** USER_HZ: the unit of the times in /proc/<pid>/stat; 100 on every Linux we run on. */
    private static final double TICKS = 100.0;

    private ProcStat() {
    }

    /** utime + stime of a process, seconds; NaN when it cannot be read (no pid, not Linux). */
    static double cpuSeconds(long pid) {
        String[] f = fields(pid);
        return f == null ? Double.NaN : (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    /**
     * cutime + cstime: the CPU of this process's children that it has waited for. The JVM reaps its
     * child processes itself, so for the bench this is the load generator's CPU.
     */
    static double childrenCpuSeconds(long pid) {
        String[] f = fields(pid);
        return f == null ? Double.NaN : (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
    }

    /**
     * utime + stime of those threads of a process whose names start with one of {@code prefixes}
     * (the JVM names its compiler threads "C1 CompilerThre…", "C2 CompilerThre…", and the serial
     * collector works in the "VM Thread"), seconds; NaN when unknown.
     */
    static double threadsCpuSeconds(long pid, String... prefixes) {
        if (pid <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).trim();
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        String[] f = fields(task.resolve("stat"));
                        sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
                        break;
                    }
                }
            }
            return sum;
        }
        catch (IOException | RuntimeException ex) {
            return Double.NaN; // not Linux, or gone
        }
    }

    /** VmRSS of a process, MB; NaN when unknown. */
    static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // not Linux or gone: unknown
        }
        return Double.NaN;
    }

    /** The fields after the command name (which may contain spaces): index 0 is field 3, the state. */
    private static String[] fields(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            return fields(Path.of("/proc/" + pid + "/stat"));
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /** A {@code stat} file's fields after the command name, as above (a thread's has the same layout). */
    private static String[] fields(Path stat) throws IOException {
        String line = Files.readString(stat);
        return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    }
}
