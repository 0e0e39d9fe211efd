package io.waymark.owntracks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * libsodium's {@code crypto_secretbox} (XSalsa20-Poly1305) with one key, in the layout the
 * OwnTracks apps use: {@code nonce (24) ‖ MAC (16) ‖ ciphertext}, i.e. the nonce followed by
 * what {@code crypto_secretbox_easy} returns.
 * <p>
 * Composed from Bouncy Castle's XSalsa20 and Poly1305 exactly as NaCl defines the box: the first
 * 32 bytes of the XSalsa20 keystream are the Poly1305 one-time key, the rest encrypts the message,
 * and the tag covers the ciphertext. Immutable and thread-safe (each call has its own engine).
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;

    public static final int NONCE_BYTES = 24;

    public static final int MAC_BYTES = 16;

    private final byte[] key;

    private SecretBox(byte[] key) {
        this.key = key;
    }

    /** A box for a key of exactly 32 bytes. */
    public static SecretBox ofKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a secretbox key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        return new SecretBox(key.clone());
    }

    /**
     * A box for an OwnTracks secret: its UTF-8 bytes copied into 32 zero bytes, cut after 32, as
     * the apps do (no key derivation).
     */
    public static SecretBox ofSecret(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        return new SecretBox(Arrays.copyOf(utf8, KEY_BYTES));
    }

    /** {@code nonce ‖ MAC ‖ ciphertext} of {@code message} under a 24-byte nonce used only once. */
    public byte[] seal(byte[] nonce, byte[] message) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a secretbox nonce has " + NONCE_BYTES + " bytes, not " + nonce.length);
        }
        XSalsa20Engine cipher = cipher(nonce);
        byte[] oneTimeKey = oneTimeKey(cipher);
        byte[] sealed = new byte[NONCE_BYTES + MAC_BYTES + message.length];
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        int textOffset = NONCE_BYTES + MAC_BYTES;
        cipher.processBytes(message, 0, message.length, sealed, textOffset);
        byte[] tag = tag(oneTimeKey, sealed, textOffset, message.length);
        System.arraycopy(tag, 0, sealed, NONCE_BYTES, MAC_BYTES);
        return sealed;
    }

    /**
     * The message inside {@code nonce ‖ MAC ‖ ciphertext}; empty when it is too short or the MAC
     * does not match (wrong key, or any byte changed). Nothing is decrypted before the MAC is checked.
     */
    public Optional<byte[]> open(byte[] sealed) {
        if (sealed.length < NONCE_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        XSalsa20Engine cipher = cipher(Arrays.copyOf(sealed, NONCE_BYTES));
        int textOffset = NONCE_BYTES + MAC_BYTES;
        int textLength = sealed.length - textOffset;
        byte[] expected = tag(oneTimeKey(cipher), sealed, textOffset, textLength);
        byte[] actual = Arrays.copyOfRange(sealed, NONCE_BYTES, textOffset);
        if (!MessageDigest.isEqual(expected, actual)) { // constant-time compare
            return Optional.empty();
        }
        byte[] message = new byte[textLength];
        cipher.processBytes(sealed, textOffset, textLength, message, 0);
        return Optional.of(message);
    }

    private XSalsa20Engine cipher(byte[] nonce) {
        XSalsa20Engine cipher = new XSalsa20Engine();
        cipher.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return cipher;
    }

    /**
     * The first 32 keystream bytes, the Poly1305 key; the message is encrypted with the keystream
     * that follows, so this must be the first use of {@code cipher}.
     */
    private static byte[] oneTimeKey(XSalsa20Engine cipher) {
        byte[] oneTimeKey = new byte[KEY_BYTES];
        cipher.processBytes(new byte[KEY_BYTES], 0, KEY_BYTES, oneTimeKey, 0);
        return oneTimeKey;
    }

    private static byte[] tag(byte[] oneTimeKey, byte[] data, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(oneTimeKey));
        mac.update(data, offset, length);
        byte[] tag = new byte[MAC_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }

    @Override
    public String toString() {
        return "SecretBox[key hidden]";
    }
}
