package io.waymark.transfer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The command line's progress through all its files, by bytes read: on a terminal a bar
 * redrawn in place with {@code \r}; otherwise (output to a file or a pipe) a plain line every
 * few seconds, which reads well in a log.
 */
final class ImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;

    private final boolean terminal;

    private final long totalBytes;

    private final Duration every;

    private long lastDrawn;

    ImportProgress(PrintStream out, boolean terminal, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.totalBytes = Math.max(totalBytes, 1);
        this.every = terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5);
    }

    void update(long bytesRead, ImportTally tally, String file) {
        long now = System.nanoTime();
        if (now - lastDrawn < every.toNanos()) {
            return;
        }
        lastDrawn = now;
        draw(bytesRead, tally, file);
    }

    void finish(ImportTally tally) {
        draw(totalBytes, tally, null);
        if (terminal) {
            out.println();
        }
    }

    private void draw(long bytesRead, ImportTally tally, String file) {
        int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
        String counts = String.format(Locale.ROOT, "%3d%%  %,d messages  %s", percent, tally.processed(),
                file == null ? "" : file);
        if (terminal) {
            int filled = percent * WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + counts + "\u001b[K");
        }
        else {
            out.println("import: " + counts);
        }
        out.flush();
    }
}
