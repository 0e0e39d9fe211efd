package io.waymark.owntracks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OwnTracks secrets Waymark knows: one per user (all of that user's devices) and one per
 * device, which wins over its user's. Immutable; secrets never appear in {@link #toString()}.
 */
public final class EncryptionKeys {

    private static final EncryptionKeys NONE = new EncryptionKeys(Map.of(), Map.of());

    private final Map<String, SecretBox> users;

    private final Map<DeviceId, SecretBox> devices;

    private EncryptionKeys(Map<String, SecretBox> users, Map<DeviceId, SecretBox> devices) {
        this.users = users;
        this.devices = devices;
    }

    public static EncryptionKeys none() {
        return NONE;
    }

    /**
     * Keys from secrets named {@code <user>} or {@code <user>/<device>}, as in the properties
     * {@code waymark.encryption.keys.<user>} and {@code waymark.encryption.keys.[<user>/<device>]}.
     *
     * @throws IllegalArgumentException for a name with an empty part or more than one {@code /},
     *         or an empty secret (an all-zero key would protect nothing)
     */
    public static EncryptionKeys of(Map<String, String> secrets) {
        Map<String, SecretBox> users = new HashMap<>();
        Map<DeviceId, SecretBox> devices = new HashMap<>();
        secrets.forEach((name, secret) -> {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("the encryption key of '" + name + "' is empty");
            }
            String[] parts = name.split("/", -1);
            if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
                throw new IllegalArgumentException(
                        "an encryption key is named <user> or <user>/<device>, not '" + name + "'");
            }
            SecretBox box = SecretBox.ofSecret(secret);
            if (parts.length == 1) {
                users.put(parts[0], box);
            }
            else {
                devices.put(new DeviceId(parts[0], parts[1]), box);
            }
        });
        return users.isEmpty() && devices.isEmpty() ? NONE : new EncryptionKeys(Map.copyOf(users), Map.copyOf(devices));
    }

    /** The device's own key, else its user's, else empty. */
    public Optional<SecretBox> forDevice(DeviceId device) {
        SecretBox own = devices.get(device);
        return own != null ? Optional.of(own) : forUser(device.user());
    }

    /** The user's key (the one a family's apps share), without looking at device keys. */
    public Optional<SecretBox> forUser(String user) {
        return Optional.ofNullable(users.get(user));
    }

    public boolean isEmpty() {
        return users.isEmpty() && devices.isEmpty();
    }

    @Override
    public String toString() {
        return "EncryptionKeys[users=" + users.keySet() + ", devices=" + devices.keySet() + "]";
    }
}
