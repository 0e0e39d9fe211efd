package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.waymark.support.PyNaCl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both ways with libsodium at test time, through PyNaCl ({@code secretbox.py} beside the
 * fixtures): Python seals, Java opens; Java seals, Python opens. Needs python3-nacl: fails when
 * {@code CI=true} and it is missing, skips otherwise.
 */
class PyNaClInteropTest {

    private static final String SECRET = "Grüße, Familie 🔑 and a tail past thirty-two bytes";

    private static final DeviceId DEVICE = new DeviceId("alice", "phone");

    private static PyNaCl pyNaCl;

    private final EncryptedPayload encrypted = new EncryptedPayload(EncryptionKeys.of(Map.of("alice", SECRET)));

    @BeforeAll
    static void findPyNaCl() {
        pyNaCl = PyNaCl.find();
    }

    @Test
    void javaOpensWhatPyNaClSealed() {
        String plain = "{\"_type\":\"location\",\"lat\":-33.8568,\"lon\":151.2153,\"tst\":1712345678,\"tid\":\"ä\"}";
        byte[] sealed = pyNaCl.seal(SECRET, plain).getBytes(StandardCharsets.UTF_8);
        assertThat(encrypted.isEnvelope(sealed)).isTrue();
        assertThat(new String(encrypted.unwrap(DEVICE, sealed), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void pyNaClOpensWhatJavaSealed() {
        String plain = "[{\"_type\":\"cmd\",\"action\":\"reportLocation\"},{\"_type\":\"card\",\"name\":\"Zoë\"}]";
        byte[] envelope = encrypted.sealFor(DEVICE, plain.getBytes(StandardCharsets.UTF_8));
        assertThat(pyNaCl.open(SECRET, new String(envelope, StandardCharsets.UTF_8))).isEqualTo(plain);
    }

    @Test
    void pyNaClRefusesWhatJavaSealedWithAnotherKey() {
        byte[] envelope = encrypted.seal(SecretBox.ofSecret("another secret"), "{}".getBytes(StandardCharsets.UTF_8));
        PyNaCl.Result opened = pyNaCl.call("open", SECRET, envelope);
        assertThat(opened.exitCode()).as(opened.toString()).isNotZero();
        assertThat(opened.stderr()).contains("cannot decrypt");
    }
}
