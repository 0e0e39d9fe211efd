package io.waymark.ingest.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.waymark.support.Api;
import io.waymark.support.FreePorts;

import static org.awaitility.Awaitility.await;

/**
 * Waymark in a JVM of its own, started with this test's class path, so that a test can crash
 * it for real: {@link #kill()} is SIGKILL, nothing in Waymark runs on the way down.
 */
public final class WaymarkProcess implements AutoCloseable {

    private final Process process;

    private final Path log;

    private final int port;

    private WaymarkProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Waymark with {@code properties} and waits until its REST API answers. */
    public static WaymarkProcess start(Map<String, Object> properties, Path log) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.waymark.WaymarkApplication", "--server.port=" + port, "--logging.level.org.springframework.integration=WARN",
                "--waymark.security.admin-password=" + Api.ADMIN_PASSWORD));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
            WaymarkProcess waymark = new WaymarkProcess(process, log, port);
            await("Waymark process answering on port " + port).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !process.isAlive() || waymark.answers());
            if (!process.isAlive()) {
                throw new IllegalStateException("Waymark exited with " + process.exitValue() + ":\n" + waymark.log());
            }
            return waymark;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start Waymark", ex);
        }
    }

    private boolean answers() {
        try {
            api().call("/actuator/health");
            return true;
        }
        catch (IllegalStateException ex) {
            return false; // the port is not open yet
        }
    }

    public int port() {
        return port;
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
                    kill();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
