package io.waymark.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Client-side {@link SSLContext}s for tests, built from PEM files: the CA certificate(s) to
 * trust and, for brokers that require one, a client certificate with its private key (PKCS#8 or
 * PKCS#1). For Paho: {@code options.setSocketFactory(context.getSocketFactory())}.
 */
public final class PemSslContexts {

    private static final char[] KEY_PASSWORD = "test".toCharArray();

    private PemSslContexts() {
    }

    /** Trusts the certificates in {@code caCertificate}; presents no client certificate. */
    public static SSLContext trusting(Path caCertificate) {
        return create(caCertificate, null);
    }

    /** Trusts the certificates in {@code caCertificate} and presents {@code certificate}. */
    public static SSLContext withClientCertificate(Path caCertificate, Path certificate, Path privateKey) {
        try {
            KeyStore keyStore = emptyKeyStore();
            keyStore.setKeyEntry("client", readPrivateKey(privateKey), KEY_PASSWORD,
                    readCertificates(certificate).toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, KEY_PASSWORD);
            return create(caCertificate, keyManagers.getKeyManagers());
        }
        catch (GeneralSecurityException | IOException ex) {
            throw new IllegalStateException("Could not load the client certificate " + certificate, ex);
        }
    }

    private static SSLContext create(Path caCertificate, KeyManager[] keyManagers) {
        try {
            KeyStore trustStore = emptyKeyStore();
            int index = 0;
            for (Certificate ca : readCertificates(caCertificate)) {
                trustStore.setCertificateEntry("ca-" + index++, ca);
            }
            TrustManagerFactory trustManagers = TrustManagerFactory
                .getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers.getTrustManagers(), null);
            return context;
        }
        catch (GeneralSecurityException | IOException ex) {
            throw new IllegalStateException("Could not load the CA certificate " + caCertificate, ex);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
        keyStore.load(null, null);
        return keyStore;
    }

    private static Collection<? extends Certificate> readCertificates(Path pem)
            throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws IOException {
        try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo pkcs8) {
                return converter.getPrivateKey(pkcs8);
            }
            if (object instanceof PEMKeyPair pkcs1) {
                return converter.getKeyPair(pkcs1).getPrivate();
            }
            throw new IOException("No unencrypted private key in " + pem + " (found " + object + ")");
        }
    }
}
