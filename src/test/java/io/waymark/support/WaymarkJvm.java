package io.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Waymark in a JVM of its own with this test's class path and JVM options of the test's
 * choosing (a small heap, to show that something is streamed), either as the server or as a
 * command ({@code import ...}) run to its end.
 */
public final class WaymarkJvm implements AutoCloseable {

    private final Process process;

    private final Path log;

    private final int port;

    private WaymarkJvm(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server on a free HTTP port and waits until it answers. */
    public static WaymarkJvm server(List<String> jvmOptions, List<String> arguments, Path log) {
        int port = FreePorts.next();
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=" + port);
        // the admin that Http and Api log in as, created at the first start
        all.add("--waymark.security.admin-password=" + Api.ADMIN_PASSWORD);
        WaymarkJvm waymark = new WaymarkJvm(start(jvmOptions, all, log), log, port);
        await("Waymark answering on port " + port).atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> !waymark.process.isAlive() || waymark.answers());
        if (!waymark.process.isAlive()) {
            throw new IllegalStateException("Waymark exited with " + waymark.process.exitValue() + ":\n" + waymark.log());
        }
        return waymark;
    }

    /**
     * A Waymark server with {@code properties} ({@code --name=value} each) in a JVM of its own, so
     * that a test can crash it (SIGKILL) and start it again on the same files.
     */
    public static WaymarkJvm start(Map<String, Object> properties, Path log) {
        List<String> arguments = new ArrayList<>(List.of("--logging.level.org.springframework.integration=WARN"));
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return server(List.of("-Xmx384m"), arguments, log);
    }

    /** Runs {@code java ... WaymarkApplication arguments} to its end; the exit status. */
    public static int run(List<String> arguments, Path log, Duration timeout) {
        Process process = start(List.of("-Xmx256m"), arguments, log);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Waymark " + arguments + " did not end within " + timeout);
            }
            return process.exitValue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(ex);
        }
    }

    private static Process start(List<String> jvmOptions, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.waymark.WaymarkApplication"));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start Waymark", ex);
        }
    }

    private boolean answers() {
        try {
            new Api(port).call("/actuator/health");
            return true;
        }
        catch (IllegalStateException ex) {
            return false; // the port is not open yet
        }
    }

    public Api api() {
        return new Api(port);
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Waymark did not die within 30 s of SIGKILL");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log);
        }
        catch (IOException ex) {
            return "(log unreadable: " + ex + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
