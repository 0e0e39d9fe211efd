package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both ways with libsodium at test time, through PyNaCl ({@code secretbox.py} beside the
 * fixtures): Python seals, Java opens; Java seals, Python opens. Needs python3-nacl: fails when
 * {@code CI=true} and it is missing, skips otherwise.
 */
class PyNaClInteropTest {

    // Debian's python3 first: python3-nacl is installed for it, and another python3 may come first on PATH
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    private static final String SECRET = "Grüße, Familie 🔑 and a tail past thirty-two bytes";

    private static final DeviceId DEVICE = new DeviceId("alice", "phone");

    private static String python;

    private static Path script;

    private final EncryptedPayload encrypted = new EncryptedPayload(EncryptionKeys.of(Map.of("alice", SECRET)));

    @BeforeAll
    static void findPyNaCl() throws URISyntaxException {
        script = Path.of(PyNaClInteropTest.class.getResource("/owntracks/encrypted/secretbox.py").toURI());
        python = PYTHONS.stream().filter(p -> run(List.of(p, "-c", "import nacl.secret"), new byte[0]).exitCode() == 0)
                .findFirst().orElse(null);
        if (python == null) {
            String why = "python3 with PyNaCl not found (tried " + PYTHONS + "): apt-get install python3-nacl";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void javaOpensWhatPyNaClSealed() {
        String plain = "{\"_type\":\"location\",\"lat\":-33.8568,\"lon\":151.2153,\"tst\":1712345678,\"tid\":\"ä\"}";
        Result sealed = python("seal", plain.getBytes(StandardCharsets.UTF_8));
        assertThat(encrypted.isEnvelope(sealed.stdout())).as(sealed.toString()).isTrue();
        assertThat(new String(encrypted.unwrap(DEVICE, sealed.stdout()), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void pyNaClOpensWhatJavaSealed() {
        String plain = "[{\"_type\":\"cmd\",\"action\":\"reportLocation\"},{\"_type\":\"card\",\"name\":\"Zoë\"}]";
        byte[] envelope = encrypted.sealFor(DEVICE, plain.getBytes(StandardCharsets.UTF_8));
        Result opened = python("open", envelope);
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(new String(opened.stdout(), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void pyNaClRefusesWhatJavaSealedWithAnotherKey() {
        byte[] envelope = encrypted.seal(SecretBox.ofSecret("another secret"), "{}".getBytes(StandardCharsets.UTF_8));
        Result opened = python("open", envelope);
        assertThat(opened.exitCode()).as(opened.toString()).isNotZero();
        assertThat(opened.stderr()).contains("cannot decrypt");
    }

    private static Result python(String command, byte[] stdin) {
        // the secret as base64: a non-ASCII argument would depend on the JVM's and Python's locales
        String secret = "base64:" + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        return run(List.of(python, script.toString(), command, secret), stdin);
    }

    record Result(int exitCode, byte[] stdout, String stderr) {
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
