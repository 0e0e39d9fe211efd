package io.waymark.config;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.waymark.owntracks.EncryptionKeys;

/**
 * The OwnTracks apps' encryption secrets.
 *
 * @param keys secrets by {@code <user>} ({@code waymark.encryption.keys.alice=...}, for all of
 *        alice's devices) or by {@code <user>/<device>}
 *        ({@code waymark.encryption.keys.[alice/phone]=...}: the brackets keep the slash; wins
 *        over the user's); none by default: then nothing is encrypted
 */
@ConfigurationProperties("waymark.encryption")
public record EncryptionProperties(Map<String, String> keys) {

    public EncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        EncryptionKeys.of(keys); // a badly named key or an empty secret fails startup, not the first message
    }

    public EncryptionKeys toEncryptionKeys() {
        return EncryptionKeys.of(keys);
    }

    @Override
    public String toString() { // the secrets stay out of logs
        return "EncryptionProperties[keys=" + keys.keySet() + "]";
    }
}
