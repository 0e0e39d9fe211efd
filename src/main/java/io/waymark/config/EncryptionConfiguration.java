package io.waymark.config;

import io.waymark.owntracks.EncryptedPayload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link EncryptedPayload} for everything that opens or seals the apps' envelopes. */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    @Bean
    EncryptedPayload encryptedPayload(EncryptionProperties properties) {
        return new EncryptedPayload(properties.toEncryptionKeys());
    }
}
