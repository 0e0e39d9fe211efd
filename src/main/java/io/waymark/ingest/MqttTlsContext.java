package io.waymark.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * The {@link SSLSocketFactory} of Waymark's MQTT client, from {@code waymark.mqtt.tls.*}: the CA
 * certificates to trust (or the JVM's trust store) and an optional client certificate, as PEM
 * files or a PKCS#12 key store. PEM parsing is Spring Boot's ({@link PemContent}): certificates,
 * and keys as PKCS#8, PKCS#1 (RSA) or SEC1 (EC). Problems are reported with the property and
 * file to fix, at startup.
 */
final class MqttTlsContext {

    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private MqttTlsContext() {
    }

    static SSLSocketFactory socketFactory(MqttProperties.Tls tls) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trustManagers(tls.ca()).getTrustManagers(), null);
            return context.getSocketFactory();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not set up TLS for the MQTT connection: " + ex.getMessage(), ex);
        }
    }

    private static TrustManagerFactory trustManagers(Path ca) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (ca == null) {
            factory.init((KeyStore) null); // the JVM's trust store
            return factory;
        }
        List<X509Certificate> certificates = pem(ca, "waymark.mqtt.tls.ca").getCertificates();
        if (certificates.isEmpty()) {
            throw new IllegalStateException("waymark.mqtt.tls.ca: no CERTIFICATE in " + ca);
        }
        KeyStore store = emptyStore();
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        factory.init(store);
        return factory;
    }

    private static javax.net.ssl.KeyManager[] keyManagers(MqttProperties.Tls tls) throws GeneralSecurityException {
        KeyStore store;
        char[] password;
        if (tls.keyStore() != null) {
            password = tls.keyStorePassword() == null ? new char[0] : tls.keyStorePassword().toCharArray();
            store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keyStore())) {
                store.load(in, password);
            }
            catch (IOException ex) {
                throw new IllegalStateException("waymark.mqtt.tls.key-store: cannot read " + tls.keyStore()
                        + " as PKCS#12 (wrong waymark.mqtt.tls.key-store-password?): " + ex.getMessage(), ex);
            }
        }
        else if (tls.certificate() != null) {
            List<X509Certificate> chain = pem(tls.certificate(), "waymark.mqtt.tls.certificate").getCertificates();
            if (chain.isEmpty()) {
                throw new IllegalStateException("waymark.mqtt.tls.certificate: no CERTIFICATE in " + tls.certificate());
            }
            PrivateKey key = privateKey(tls.privateKey());
            password = IN_MEMORY_PASSWORD;
            store = emptyStore();
            store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
        }
        else {
            return null; // no client certificate
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static PrivateKey privateKey(Path file) {
        try {
            PrivateKey key = pem(file, "waymark.mqtt.tls.private-key").getPrivateKey();
            if (key == null) {
                throw new IllegalStateException("waymark.mqtt.tls.private-key: no PRIVATE KEY, RSA PRIVATE KEY or "
                        + "EC PRIVATE KEY in " + file);
            }
            return key;
        }
        catch (IllegalStateException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("waymark.mqtt.tls.private-key: cannot read the key in " + file
                    + " (encrypted keys are not supported; decrypt it with `openssl pkey`): " + ex.getMessage(), ex);
        }
    }

    private static PemContent pem(Path file, String property) {
        try {
            return PemContent.load(file);
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalStateException(property + ": cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return store;
    }
}
