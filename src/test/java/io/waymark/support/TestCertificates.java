package io.waymark.support;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Throwaway certificates made at test time and written as PEM files: a CA, a server certificate
 * for {@code localhost} and {@code 127.0.0.1} and a client certificate, both signed by that CA,
 * and a "wrong" CA with a client certificate of its own, which a broker trusting {@link #ca()}
 * must refuse. RSA 2048 and SHA-256, valid from an hour ago for a day.
 */
public final class TestCertificates {

    /**
     * The PEM files of one certificate: the certificate, its private key as PKCS#8
     * ({@code PRIVATE KEY}) and the same key as PKCS#1 ({@code RSA PRIVATE KEY}).
     */
    public record Pem(Path certificate, Path key, Path pkcs1Key) {
    }

    private final Pem ca;

    private final Pem server;

    private final Pem client;

    private final Pem wrongCa;

    private final Pem wrongClient;

    private TestCertificates(Pem ca, Pem server, Pem client, Pem wrongCa, Pem wrongClient) {
        this.ca = ca;
        this.server = server;
        this.client = client;
        this.wrongCa = wrongCa;
        this.wrongClient = wrongClient;
    }

    /**
     * Makes the certificates and writes them into {@code directory} as {@code <name>.pem},
     * {@code <name>-key.pem} and {@code <name>-key.pkcs1.pem} for the names {@code ca},
     * {@code server}, {@code client}, {@code wrong-ca} and {@code wrong-client}.
     */
    public static TestCertificates writeTo(Path directory) {
        try {
            Issued ca = Issued.authority("Waymark Test CA");
            Issued wrongCa = Issued.authority("Waymark Wrong CA");
            return new TestCertificates(ca.write(directory, "ca"),
                    ca.issue("localhost", KeyPurposeId.id_kp_serverAuth, new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"))
                        .write(directory, "server"),
                    ca.issue("waymark-test-client", KeyPurposeId.id_kp_clientAuth).write(directory, "client"),
                    wrongCa.write(directory, "wrong-ca"),
                    wrongCa.issue("waymark-wrong-client", KeyPurposeId.id_kp_clientAuth).write(directory, "wrong-client"));
        }
        catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
            throw new IllegalStateException("Could not make the test certificates in " + directory, ex);
        }
    }

    /** The CA that signed {@link #server()} and {@link #client()}. */
    public Pem ca() {
        return ca;
    }

    /** CN and SAN {@code localhost}, SAN IP {@code 127.0.0.1}, for TLS servers. */
    public Pem server() {
        return server;
    }

    /** A client certificate signed by {@link #ca()}. */
    public Pem client() {
        return client;
    }

    /** A CA unrelated to {@link #ca()}. */
    public Pem wrongCa() {
        return wrongCa;
    }

    /** A client certificate signed by {@link #wrongCa()}: a broker trusting {@link #ca()} refuses it. */
    public Pem wrongClient() {
        return wrongClient;
    }

    /** A certificate with its key pair, able to sign others if it is a CA. */
    private record Issued(X509Certificate certificate, KeyPair keys) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Issued authority(String commonName) throws GeneralSecurityException, OperatorCreationException, IOException {
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            X509v3CertificateBuilder builder = builder(name, name, keys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(sign(builder, keys.getPrivate()), keys);
        }

        Issued issue(String commonName, KeyPurposeId purpose, GeneralName... alternativeNames)
                throws GeneralSecurityException, OperatorCreationException, IOException {
            KeyPair subjectKeys = newKeyPair();
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + commonName), subjectKeys)
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (alternativeNames.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
            }
            return new Issued(sign(builder, keys.getPrivate()), subjectKeys);
        }

        Pem write(Path directory, String name) throws GeneralSecurityException, IOException {
            PrivateKey key = keys.getPrivate();
            byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            return new Pem(writePem(directory.resolve(name + ".pem"), "CERTIFICATE", certificate.getEncoded()),
                    writePem(directory.resolve(name + "-key.pem"), "PRIVATE KEY", key.getEncoded()),
                    writePem(directory.resolve(name + "-key.pkcs1.pem"), "RSA PRIVATE KEY", pkcs1));
        }

        private static KeyPair newKeyPair() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys)
                throws GeneralSecurityException, IOException {
            Instant now = Instant.now();
            return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                    subjectKeys.getPublic())
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(subjectKeys.getPublic()));
        }

        private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
                throws GeneralSecurityException, OperatorCreationException {
            return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        }

        private static Path writePem(Path file, String type, byte[] content) throws IOException {
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new PemObject(type, content));
            }
            return Files.writeString(file, text.toString());
        }
    }
}
