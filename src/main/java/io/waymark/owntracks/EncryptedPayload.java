package io.waymark.owntracks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OwnTracks' encrypted envelope, {@code {"_type":"encrypted","data":"<base64>"}}, where
 * {@code data} is a {@link SecretBox} ({@code nonce ‖ MAC ‖ ciphertext}) around the real JSON
 * message. Unwraps what comes in with the device's key and wraps what goes out. Thread-safe.
 */
public final class EncryptedPayload {

    static final String TYPE = "encrypted";

    // Some clients wrap long base64 lines; anything else outside the alphabet is an error
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");

    private final EncryptionKeys keys;

    private final JsonMapper mapper;

    private final SecureRandom random;

    public EncryptedPayload(EncryptionKeys keys) {
        this(keys, JsonMapper.builder().build(), new SecureRandom());
    }

    public EncryptedPayload(EncryptionKeys keys, JsonMapper mapper, SecureRandom random) {
        this.keys = keys;
        this.mapper = mapper;
        this.random = random;
    }

    /**
     * The inner JSON message when {@code payload} is an encrypted envelope, else {@code payload}
     * itself (the same array: plain JSON, and anything that is not JSON, is left to the codec).
     *
     * @throws InvalidMessageException {@code encrypted-no-key} when the device has no key,
     *         {@code decrypt-failed} when the envelope cannot be opened with it (wrong key,
     *         tampered, {@code data} missing, not base64 or too short)
     */
    public byte[] unwrap(DeviceId device, byte[] payload) {
        Optional<JsonNode> envelope = envelope(payload);
        if (envelope.isEmpty()) {
            return payload;
        }
        SecretBox box = keys.forDevice(device).orElseThrow(() -> new InvalidMessageException(
                RejectionReason.ENCRYPTED_NO_KEY, "encrypted payload, but there is no key for " + device));
        byte[] inner = open(box, envelope.get());
        if (isEnvelope(inner)) { // never hand the codec an envelope that would pass as plain data
            throw new InvalidMessageException(RejectionReason.DECRYPT_FAILED, "encrypted payload inside an encrypted payload");
        }
        return inner;
    }

    /** Whether {@code payload} is an encrypted envelope (a JSON object with {@code _type} {@code encrypted}). */
    public boolean isEnvelope(byte[] payload) {
        return envelope(payload).isPresent();
    }

    /**
     * Whether a decoded message is an envelope: the codec decodes one as a message of
     * {@code _type} {@code encrypted}, exactly when {@link #isEnvelope(byte[])} holds.
     */
    public static boolean isEnvelope(OwnTracksMessage decoded) {
        return decoded instanceof OtherMessage other && TYPE.equals(other.type());
    }

    /** {@code json} in an envelope sealed with {@code box} under a fresh random nonce. */
    public byte[] seal(SecretBox box, byte[] json) {
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        random.nextBytes(nonce);
        String data = Base64.getEncoder().encodeToString(box.seal(nonce, json));
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("_type", TYPE).put("data", data));
    }

    /** {@code json} sealed with the device's key (its own, else its user's); unchanged when it has none. */
    public byte[] sealFor(DeviceId device, byte[] json) {
        return keys.forDevice(device).map(box -> seal(box, json)).orElse(json);
    }

    private byte[] open(SecretBox box, JsonNode envelope) {
        JsonNode data = envelope.get("data");
        if (data == null || !data.isString()) {
            throw decryptFailed("field 'data' is missing or not a string");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(LINE_BREAKS.matcher(data.asString()).replaceAll(""));
        }
        catch (IllegalArgumentException ex) {
            throw decryptFailed("field 'data' is not base64: " + ex.getMessage());
        }
        if (sealed.length < SecretBox.NONCE_BYTES + SecretBox.MAC_BYTES) {
            throw decryptFailed("field 'data' has " + sealed.length + " bytes, less than nonce and MAC");
        }
        return box.open(sealed).orElseThrow(() -> decryptFailed("wrong key or tampered payload"));
    }

    private Optional<JsonNode> envelope(byte[] payload) {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        }
        catch (JacksonException ex) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode type = root.get("_type");
        return type != null && type.isString() && TYPE.equals(type.asString()) ? Optional.of(root) : Optional.empty();
    }

    private static InvalidMessageException decryptFailed(String detail) {
        return new InvalidMessageException(RejectionReason.DECRYPT_FAILED, "cannot decrypt: " + detail);
    }
}
