package io.waymark.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.EncryptionKeys;
import io.waymark.owntracks.SecretBox;

/** {@code waymark.encryption.keys.<user>} and {@code waymark.encryption.keys.[<user>/<device>]} bind as the README says. */
class EncryptionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EncryptionProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    /** Whether the key found for {@code device} is the one made from {@code secret}. */
    private static boolean isKeyOf(EncryptionKeys keys, DeviceId device, String secret) {
        byte[] sealed = SecretBox.ofSecret(secret).seal(new byte[24], new byte[] { 1, 2, 3 });
        return keys.forDevice(device).flatMap(box -> box.open(sealed)).isPresent();
    }

    @Test
    void userAndBracketedDeviceKeysBind() {
        runner.withPropertyValues("waymark.encryption.keys.alice=family secret",
                "waymark.encryption.keys.[alice/phone]=phone secret").run(context -> {
                    EncryptionProperties properties = context.getBean(EncryptionProperties.class);
                    assertThat(properties.keys()).containsOnlyKeys("alice", "alice/phone");
                    EncryptionKeys keys = properties.toEncryptionKeys();
                    assertThat(isKeyOf(keys, new DeviceId("alice", "phone"), "phone secret")).isTrue();
                    assertThat(isKeyOf(keys, new DeviceId("alice", "tablet"), "family secret")).isTrue();
                    assertThat(keys.forDevice(new DeviceId("bob", "phone"))).isEmpty();
                    assertThat(properties.toString()).doesNotContain("secret");
                });
    }

    @Test
    void noKeysByDefault() {
        runner.run(context -> assertThat(context.getBean(EncryptionProperties.class).toEncryptionKeys().isEmpty()).isTrue());
    }

    @Test
    void anEmptySecretFailsStartup() {
        runner.withPropertyValues("waymark.encryption.keys.alice=").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("encryption key of 'alice' is empty"));
    }
}
