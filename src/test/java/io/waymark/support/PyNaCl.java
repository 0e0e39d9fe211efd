package io.waymark.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * libsodium through PyNaCl ({@code owntracks/encrypted/secretbox.py}), an implementation of
 * the apps' encryption independent of Waymark's. Needs python3-nacl: {@link #find()} fails when
 * {@code CI=true} and it is missing, and skips the test otherwise.
 */
public final class PyNaCl {

    // Debian's python3 first: python3-nacl is installed for it, and another python3 may come first on PATH
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    private final String python;

    private final Path script;

    private PyNaCl(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    public static PyNaCl find() {
        Path script;
        try {
            script = Path.of(PyNaCl.class.getResource("/owntracks/encrypted/secretbox.py").toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
        String python = PYTHONS.stream().filter(p -> run(List.of(p, "-c", "import nacl.secret"), new byte[0]).exitCode() == 0)
            .findFirst().orElse(null);
        if (python == null) {
            String why = "python3 with PyNaCl not found (tried " + PYTHONS + "): apt-get install python3-nacl";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return new PyNaCl(python, script);
    }

    /** {@code secretbox.py <command> <secret>} with {@code stdin}. */
    public Result call(String command, String secret, byte[] stdin) {
        // the secret as base64: a non-ASCII argument would depend on the JVM's and Python's locales
        String encoded = "base64:" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        return run(List.of(python, script.toString(), command, encoded), stdin);
    }

    /** The envelope PyNaCl seals {@code plain} in. */
    public String seal(String secret, String plain) {
        Result sealed = call("seal", secret, plain.getBytes(StandardCharsets.UTF_8));
        if (sealed.exitCode() != 0) {
            fail("PyNaCl could not seal: " + sealed);
        }
        return new String(sealed.stdout(), StandardCharsets.UTF_8);
    }

    /** What PyNaCl opens {@code envelope} to; fails the test when it cannot. */
    public String open(String secret, String envelope) {
        Result opened = call("open", secret, envelope.getBytes(StandardCharsets.UTF_8));
        if (opened.exitCode() != 0) {
            fail("PyNaCl could not open " + envelope + ": " + opened);
        }
        return new String(opened.stdout(), StandardCharsets.UTF_8);
    }

    public record Result(int exitCode, byte[] stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + ", stdout " + new String(stdout, StandardCharsets.UTF_8) + ", stderr " + stderr;
        }
    }

    private static Result run(List<String> command, byte[] stdin) {
        try {
            Process process = new ProcessBuilder(command).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
            // small payloads: the pipes never fill, so reading after the exit cannot block
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(process.exitValue(), process.getInputStream().readAllBytes(),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            return new Result(-1, new byte[0], String.valueOf(ex)); // no such interpreter
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
