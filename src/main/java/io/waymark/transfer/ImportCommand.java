package io.waymark.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.waymark.owntracks.DeviceId;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code java -jar waymark.jar import ...}: imports files into the configured database through
 * the ingestion flow, without the web server, the embedded broker or an MQTT subscription, so
 * that it can run beside a live Waymark on PostgreSQL (an H2 file is locked by a running one).
 */
public final class ImportCommand {

    /** What must hold whatever the configuration says: nothing listens, nothing times out. */
    private static final Map<String, Object> FORCED = Map.of("waymark.broker.enabled", "false",
            "waymark.mqtt.enabled", "false", "spring.main.web-application-type", "none",
            // no presence sweep: a live instance owns presence, and this one hears from no device
            "waymark.presence.timeout", "36500d");

    private ImportCommand() {
    }

    /** Runs the command; the exit status: 0 done (rejections are reported), 1 failed, 2 bad usage. */
    /**
     * @param application the application class to start without web server and broker (passed
     *        in: the importer is a module and must not depend on the application's root)
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        ImportArguments arguments;
        List<Job> jobs;
        try {
            arguments = ImportArguments.parse(Arrays.asList(args));
            jobs = jobs(arguments);
        }
        catch (IllegalArgumentException | ResponseStatusException ex) {
            err.println("waymark import: " + (ex instanceof ResponseStatusException r ? r.getReason() : ex.getMessage()));
            err.print(ImportArguments.USAGE);
            return 2;
        }
        ApplicationListener<ApplicationEnvironmentPreparedEvent> forced = event -> event.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("waymark-import", FORCED));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=WARN")
            .listeners(forced)
            .run(arguments.springArguments().toArray(String[]::new))) {
            ImportTally tally = importAll(context.getBean(HistoryImporter.class), jobs, arguments.format(), err);
            summarize(tally, jobs.size(), Duration.ofNanos(System.nanoTime() - started), out);
            return 0;
        }
        catch (IOException | UncheckedIOException | IllegalStateException ex) {
            err.println();
            err.println("waymark import failed: " + ex.getMessage());
            return 1;
        }
    }

    private static ImportTally importAll(HistoryImporter importer, List<Job> jobs, ImportFormat format,
            PrintStream err) throws IOException {
        long total = 0;
        for (Job job : jobs) {
            total += Files.size(job.file());
        }
        ImportProgress progress = new ImportProgress(err, System.console() != null, total);
        ImportTally tally = new ImportTally();
        long done = 0;
        for (Job job : jobs) {
            String name = job.file().toString();
            tally.file(name);
            try (InputStream file = Files.newInputStream(job.file())) {
                CountingInputStream counted = new CountingInputStream(file);
                BufferedInputStream in = new BufferedInputStream(counted, 64 * 1024);
                ImportFormat chosen = format != null ? format : ImportFormat.ofFileName(name);
                ImportSource source = (chosen != null ? chosen : ImportFormat.sniff(in)).open(in);
                long before = done;
                importer.importFrom(job.device(), source, tally,
                        () -> progress.update(before + counted.count(), tally, name));
            }
            done += Files.size(job.file());
        }
        progress.finish(tally);
        return tally;
    }

    private static List<Job> jobs(ImportArguments arguments) {
        if (arguments.recorderStore() == null) {
            DeviceId device = ImportTarget.device(arguments.user(), arguments.device());
            for (Path file : arguments.files()) {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no such file: " + file);
                }
            }
            return arguments.files().stream().map(f -> new Job(device, f)).toList();
        }
        Path store = arguments.recorderStore();
        Path rec = Files.isDirectory(store.resolve("rec")) ? store.resolve("rec") : store;
        if (!Files.isDirectory(rec)) {
            throw new IllegalArgumentException("not a Recorder store (no rec/ directory): " + store);
        }
        List<Job> jobs = new ArrayList<>();
        for (Path user : list(rec)) {
            for (Path device : list(user)) {
                DeviceId id = ImportTarget.device(user.getFileName().toString(), device.getFileName().toString());
                // the Recorder names its files YYYY-MM.rec: sorted by name is oldest first
                list(device).stream().filter(f -> f.getFileName().toString().endsWith(".rec"))
                    .forEach(f -> jobs.add(new Job(id, f)));
            }
        }
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no rec/<user>/<device>/*.rec files under " + store);
        }
        return jobs;
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + directory, ex);
        }
    }

    private static void summarize(ImportTally tally, int files, Duration took, PrintStream out) {
        ImportResult result = tally.result();
        out.printf(Locale.ROOT, "Imported %,d, duplicates %,d, rejected %,d, skipped %,d from %d file%s in %.1f s%n",
                result.imported(), result.duplicates(), result.rejected(), result.skipped(), files,
                files == 1 ? "" : "s", took.toMillis() / 1000.0);
        result.errors().forEach(e -> out.println("  " + e.file() + ":" + e.line() + ": " + e.message()));
        if (result.rejected() > result.errors().size()) {
            out.printf(Locale.ROOT, "  ... and %,d more rejected%n", result.rejected() - result.errors().size());
        }
    }

    private record Job(DeviceId device, Path file) {
    }
}
