package io.waymark.owntracks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelopes made by PyNaCl (libsodium), not by Waymark: {@code src/test/resources/owntracks/encrypted/}
 * {@code fixtures.json}, regenerated with {@code secretbox.py fixtures} there.
 */
final class EncryptedFixtures {

    /** One envelope: {@code owner} is {@code <user>} or {@code <user>/<device>}, whose secret sealed it. */
    record Fixture(String name, String owner, String secret, String plain, String envelope) {

        byte[] envelopeBytes() {
            return envelope.getBytes(StandardCharsets.UTF_8);
        }

        /** nonce ‖ MAC ‖ ciphertext, decoded from the envelope's {@code data}. */
        byte[] sealed() {
            return Base64.getDecoder().decode(MAPPER.readTree(envelope).get("data").asString());
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final List<Fixture> ALL = load();

    private EncryptedFixtures() {
    }

    static Fixture named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + name));
    }

    /** An envelope around {@code sealed}, for payloads changed after PyNaCl made them. */
    static byte[] envelope(byte[] sealed) {
        return envelope(Base64.getEncoder().encodeToString(sealed));
    }

    static byte[] envelope(String data) {
        return ("{\"_type\":\"encrypted\",\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Fixture> load() {
        try (InputStream in = EncryptedFixtures.class.getResourceAsStream("/owntracks/encrypted/fixtures.json")) {
            JsonNode root = MAPPER.readTree(in);
            return root.valueStream().map(n -> new Fixture(n.get("name").asString(), n.get("owner").asString(),
                    n.get("secret").asString(), n.get("plain").asString(), n.get("envelope").asString())).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
