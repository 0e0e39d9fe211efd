package io.waymark.ingest.mqtt;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * The TLS setup of Waymark's MQTT client as a Spring Boot {@link SslBundle}, from
 * {@code waymark.mqtt.tls.*}: the CA certificates to trust (none: the JVM's trust store) and an
 * optional client certificate, as PEM files or a PKCS#12 key store. Boot parses the PEM files
 * (certificates; keys as PKCS#8, PKCS#1 RSA or SEC1 EC) and builds the managers; this only maps
 * Waymark's properties onto bundle details and names the property to fix when a file is wrong.
 * Every store is loaded here, at startup, not at the first connection attempt.
 */
final class MqttSslBundle {

    private MqttSslBundle() {
    }

    static SslBundle of(MqttProperties.Tls tls) {
        SslStoreBundle client = clientCertificate(tls);
        KeyStore trustStore = tls.ca() == null ? null
                : load("waymark.mqtt.tls.ca", tls.ca(), () -> new PemSslStoreBundle(null,
                        PemSslStoreDetails.forCertificates(location(tls.ca()))).getTrustStore());
        KeyStore keyStore = client == null ? null
                : load(tls.keyStore() != null ? "waymark.mqtt.tls.key-store" : "waymark.mqtt.tls.certificate / private-key",
                        tls.keyStore() != null ? tls.keyStore() : tls.privateKey(), client::getKeyStore);
        return SslBundle.of(SslStoreBundle.of(keyStore, client == null ? null : client.getKeyStorePassword(), trustStore));
    }

    private static @Nullable SslStoreBundle clientCertificate(MqttProperties.Tls tls) {
        if (tls.keyStore() != null) {
            return new JksSslStoreBundle(new JksSslStoreDetails("PKCS12", null, location(tls.keyStore()),
                    tls.keyStorePassword() == null ? "" : tls.keyStorePassword()), null);
        }
        if (tls.certificate() != null) {
            return new PemSslStoreBundle(new PemSslStoreDetails(null, location(tls.certificate()),
                    location(tls.privateKey())), null);
        }
        return null;
    }

    /** A resource location: a bare absolute path would be read from the class path. */
    private static String location(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    private static KeyStore load(String property, Path file, Supplier<KeyStore> store) {
        try {
            return store.get();
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(property + ": cannot read " + file + " (PEM files: unencrypted keys only; "
                    + "a PKCS#12 file: check waymark.mqtt.tls.key-store-password): " + MqttFailureCause.detail(ex), ex);
        }
    }
}
