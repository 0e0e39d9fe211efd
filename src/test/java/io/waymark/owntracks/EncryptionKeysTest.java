package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which secret belongs to a device: its own, else its user's, else none. */
class EncryptionKeysTest {

    private final EncryptionKeys keys = EncryptionKeys.of(Map.of(
            "alice", "family secret",
            "alice/phone", "phone only secret",
            "bob/watch", "watch secret"));

    /** Which fixture a key opens tells which secret it was made from. */
    private static boolean opens(Optional<SecretBox> box, String fixture) {
        return box.flatMap(b -> b.open(EncryptedFixtures.named(fixture).sealed())).isPresent();
    }

    @Test
    void aDeviceWithItsOwnKeyGetsItRatherThanItsUsers() {
        assertThat(opens(keys.forDevice(new DeviceId("alice", "phone")), "device-key")).isTrue();
        assertThat(opens(keys.forDevice(new DeviceId("alice", "phone")), "user-key")).isFalse();
    }

    @Test
    void aDeviceWithoutItsOwnKeyGetsItsUsers() {
        assertThat(opens(keys.forDevice(new DeviceId("alice", "tablet")), "user-key")).isTrue();
    }

    @Test
    void noKeyForUserOrDeviceIsEmpty() {
        assertThat(keys.forDevice(new DeviceId("carol", "phone"))).isEmpty();
        assertThat(keys.forDevice(new DeviceId("bob", "phone"))).isEmpty();
        assertThat(keys.forDevice(new DeviceId("bob", "watch"))).isPresent();
        assertThat(EncryptionKeys.none().forDevice(new DeviceId("alice", "phone"))).isEmpty();
        assertThat(EncryptionKeys.none().isEmpty()).isTrue();
        assertThat(keys.isEmpty()).isFalse();
    }

    @Test
    void aUsersKeyIgnoresDeviceKeys() {
        assertThat(opens(keys.forUser("alice"), "user-key")).isTrue();
        assertThat(keys.forUser("bob")).isEmpty();
    }

    @Test
    void badNamesAndEmptySecretsAreRefused() {
        for (String name : new String[] { "", "/phone", "alice/", "alice/phone/extra" }) {
            assertThatIllegalArgumentException().as(name).isThrownBy(() -> EncryptionKeys.of(Map.of(name, "s")))
                    .withMessageContaining("<user>/<device>");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> EncryptionKeys.of(Map.of("alice", "")))
                .withMessageContaining("alice");
    }

    @Test
    void toStringNamesOwnersButNoSecrets() {
        assertThat(keys.toString()).contains("alice", "alice/phone").doesNotContain("secret");
    }
}
