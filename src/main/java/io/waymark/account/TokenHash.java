package io.waymark.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens: 32 random bytes, so a plain SHA-256 is enough to store them (unlike passwords, they
 * cannot be guessed from a dictionary); the {@code wm_} prefix tells them from passwords.
 */
final class TokenHash {

    static final String PREFIX = "wm_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    static String newToken() {
        return PREFIX + randomText(32);
    }

    static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String of(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
