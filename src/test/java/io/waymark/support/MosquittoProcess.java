package io.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A real Mosquitto broker in a child process, listening on a free port of 127.0.0.1 and
 * configured by a file written into its own temp directory (deleted on {@link #close()}).
 * <p>
 * Every broker queues and keeps in flight without limit ({@code max_queued_messages 0},
 * {@code max_inflight_messages 0}): Mosquitto's default of 1000 queued messages silently drops
 * messages for a subscriber that falls behind. It runs as root ({@code user root}) so that it
 * can read the test's private temp files. Without the binary a test fails in CI ({@code CI=true})
 * and is skipped elsewhere, see {@link #requireInstalled()}.
 *
 * <pre>{@code
 * try (MosquittoProcess mosquitto = MosquittoProcess.builder().persistence(true).start()) {
 *     ... connect to mosquitto.url() ...
 *     mosquitto.restart();
 * }
 * }</pre>
 */
public final class MosquittoProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private static final Path PASSWD_BINARY = Path.of("/usr/bin/mosquitto_passwd");

    private static final String HOST = "127.0.0.1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path directory;

    private final Path configFile;

    private final Path logFile;

    private final int port;

    private final boolean tls;

    /** Kills a broker that a test forgot to close, so that no Mosquitto outlives the JVM. */
    private final Thread reaper;

    private volatile Process process;

    private MosquittoProcess(Path directory, Path configFile, int port, boolean tls) {
        this.directory = directory;
        this.configFile = configFile;
        this.logFile = directory.resolve("mosquitto.log");
        this.port = port;
        this.tls = tls;
        this.reaper = new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "mosquitto-reaper-" + port);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fails the test when the mosquitto binary is missing and {@code CI=true}, aborts (skips) it
     * otherwise. Call it from {@code @BeforeAll}; {@link Builder#start()} calls it too.
     */
    public static void requireInstalled() {
        requireInstalled(BINARY, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    /** Like {@link #requireInstalled()}, for the command-line clients (mosquitto_pub, mosquitto_sub). */
    public static void requireClientsInstalled() {
        requireInstalled(Path.of("/usr/bin/mosquitto_pub"), "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static void requireInstalled(Path binary, boolean ci) {
        if (Files.isExecutable(binary)) {
            return;
        }
        if (ci) {
            fail("mosquitto binary not found; .ci/run must install the mosquitto package (looked for " + binary
                    + ")");
        }
        abort("mosquitto binary not found at " + binary
                + "; skipping the tests that need a real Mosquitto (install the mosquitto package)");
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>}, or {@code ssl://127.0.0.1:<port>} with TLS. */
    public String url() {
        return (tls ? "ssl://" : "tcp://") + HOST + ":" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Everything Mosquitto wrote to stdout and stderr, across restarts. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        }
        catch (IOException ex) {
            return "(log unreadable: " + ex + ")";
        }
    }

    /** SIGTERM, then waits until Mosquitto has exited (it writes its persistence file on the way). */
    public void stop() {
        terminate(Process::destroy, "SIGTERM");
    }

    /** SIGKILL, as in a crash: Mosquitto saves nothing. */
    public void kill() {
        terminate(Process::destroyForcibly, "SIGKILL");
    }

    /** SIGSTOP: Mosquitto keeps its connections open but answers nothing until {@link #resume()}. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT, after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                fail("kill -" + name + " " + process.pid() + " failed");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Stops Mosquitto if it runs and starts it again: same port, configuration and persistence directory. */
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        try {
            stop();
        }
        finally {
            removeReaper();
            deleteDirectory();
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", configFile.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + BINARY, ex);
        }
        awaitAcceptingConnections();
    }

    private void awaitAcceptingConnections() {
        try {
            await("Mosquitto accepting connections on port " + port).atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(25))
                .until(() -> !process.isAlive() || acceptsConnections());
        }
        catch (ConditionTimeoutException ex) {
            kill();
            throw startFailure("did not accept connections within " + START_TIMEOUT.toSeconds() + " s");
        }
        if (!process.isAlive()) {
            throw startFailure("exited with code " + process.exitValue());
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private IllegalStateException startFailure(String what) {
        String config;
        try {
            config = Files.readString(configFile);
        }
        catch (IOException ex) {
            config = "(unreadable: " + ex + ")";
        }
        return new IllegalStateException("Mosquitto on port " + port + " " + what + ".\n--- " + configFile
                + " ---\n" + config + "--- log ---\n" + log());
    }

    private void terminate(Consumer<Process> signal, String signalName) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        signal.accept(running);
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                throw new IllegalStateException("Mosquitto on port " + port + " did not exit within "
                        + STOP_TIMEOUT.toSeconds() + " s of " + signalName + "; log:\n" + log());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
            throw new IllegalStateException("Interrupted while stopping Mosquitto", ex);
        }
    }

    private void removeReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
        catch (IllegalStateException ex) {
            // the JVM is already shutting down: the reaper runs anyway
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + directory, ex);
        }
    }

    /** Options of a broker; nothing is written or started before {@link #start()}. */
    public static final class Builder {

        private boolean persistence;

        private Tls tls;

        private Map<String, String> users = Map.of();

        private final List<String> extraConfig = new ArrayList<>();

        private Builder() {
        }

        /** {@code persistence true} in a directory of its own that outlives {@link #restart()}. */
        public Builder persistence(boolean persistence) {
            this.persistence = persistence;
            return this;
        }

        /** The listener speaks TLS only; with {@code requireClientCertificate} clients need a certificate signed by {@code caCertificate}. */
        public Builder tls(Path serverCertificate, Path serverKey, Path caCertificate,
                boolean requireClientCertificate) {
            this.tls = new Tls(serverCertificate, serverKey, caCertificate, requireClientCertificate);
            return this;
        }

        /** Only these users (name to password) may connect; without it anonymous clients are allowed. */
        public Builder passwordFile(Map<String, String> users) {
            this.users = Map.copyOf(users);
            return this;
        }

        /**
         * One more global line for {@code mosquitto.conf}, such as {@code autosave_interval 1} or
         * {@code log_type all}.
         */
        public Builder config(String line) {
            this.extraConfig.add(line);
            return this;
        }

        /** Writes the configuration, starts Mosquitto and returns once its port accepts connections. */
        public MosquittoProcess start() {
            requireInstalled();
            try {
                Path directory = Files.createTempDirectory("waymark-mosquitto-");
                int port = FreePorts.next();
                Path configFile = Files.write(directory.resolve("mosquitto.conf"), configuration(directory, port));
                MosquittoProcess mosquitto = new MosquittoProcess(directory, configFile, port, tls != null);
                Runtime.getRuntime().addShutdownHook(mosquitto.reaper);
                try {
                    mosquitto.launch();
                }
                catch (RuntimeException ex) {
                    mosquitto.close(); // the exception carries the log
                    throw ex;
                }
                return mosquitto;
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not prepare Mosquitto", ex);
            }
        }

        private List<String> configuration(Path directory, int port) throws IOException {
            List<String> lines = new ArrayList<>(List.of("user root", "log_dest stderr", "connection_messages true",
                    "max_queued_messages 0", "max_inflight_messages 0"));
            if (persistence) {
                Path data = Files.createDirectories(directory.resolve("data"));
                lines.add("persistence true");
                lines.add("persistence_location " + data + "/");
            }
            if (users.isEmpty()) {
                lines.add("allow_anonymous true");
            }
            else {
                lines.add("allow_anonymous false");
                lines.add("password_file " + writePasswordFile(directory.resolve("passwords")));
            }
            lines.addAll(extraConfig);
            // listener options (TLS) belong after their listener line
            lines.add("listener " + port + " " + HOST);
            if (tls != null) {
                lines.add("cafile " + tls.caCertificate());
                lines.add("certfile " + tls.serverCertificate());
                lines.add("keyfile " + tls.serverKey());
                lines.add("require_certificate " + tls.requireClientCertificate());
            }
            return lines;
        }

        /** Writes {@code user:password} lines and lets {@code mosquitto_passwd -U} hash them in place. */
        private Path writePasswordFile(Path file) throws IOException {
            Files.write(file, users.entrySet().stream().map(user -> user.getKey() + ":" + user.getValue()).toList());
            Process passwd = new ProcessBuilder(PASSWD_BINARY.toString(), "-U", file.toString())
                .redirectErrorStream(true)
                .start();
            String output = new String(passwd.getInputStream().readAllBytes());
            try {
                if (passwd.waitFor() != 0) {
                    throw new IllegalStateException("mosquitto_passwd -U failed: " + output);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while hashing passwords", ex);
            }
            return file;
        }
    }

    private record Tls(Path serverCertificate, Path serverKey, Path caCertificate, boolean requireClientCertificate) {
    }
}
