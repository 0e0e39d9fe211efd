package io.waymark.ingest.mqtt;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;

import io.waymark.support.TestCertificates;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code waymark.mqtt.tls.*} into an SSL bundle, every key format the README promises, without
 * a broker ({@link MqttTlsIngestionTest} connects with them).
 */
class MqttSslBundleTest {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.writeTo(dir);
    }

    @Test
    void trustsTheConfiguredCaOrElseTheJvmTrustStore() throws Exception {
        SslBundle withCa = MqttSslBundle.of(tls(certificates.ca().certificate(), null, null, null, null));
        KeyStore trust = withCa.getStores().getTrustStore();
        assertThat(Collections.list(trust.aliases())).hasSize(1);
        assertThat(trust.getCertificate(trust.aliases().nextElement()))
            .isEqualTo(PemContent.load(certificates.ca().certificate()).getCertificates().get(0));
        assertThat(MqttSslBundle.of(tls(null, null, null, null, null)).getStores().getTrustStore()).isNull();
        assertThat(withCa.getStores().getKeyStore()).as("no client certificate").isNull();
    }

    @Test
    void readsThePemClientKeyAsPkcs8AndAsPkcs1() throws Exception {
        PrivateKey expected = PemContent.load(certificates.client().key()).getPrivateKey();
        for (Path key : List.of(certificates.client().key(), certificates.client().pkcs1Key())) {
            SslBundle bundle = MqttSslBundle.of(tls(certificates.ca().certificate(), certificates.client().certificate(),
                    key, null, null));
            assertThat(clientKey(bundle).getEncoded()).as(key.toString()).isEqualTo(expected.getEncoded());
            assertThat(bundle.createSslContext().getSocketFactory()).isNotNull();
        }
    }

    @Test
    void readsASec1EcKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=ec-client");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.TWO, Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        byte[] sec1 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive()
            .getEncoded();
        Path certificateFile = pem(dir.resolve("ec.pem"), "CERTIFICATE", certificate.getEncoded());
        Path keyFile = pem(dir.resolve("ec-key.pem"), "EC PRIVATE KEY", sec1);
        SslBundle bundle = MqttSslBundle.of(tls(null, certificateFile, keyFile, null, null));
        assertThat(clientKey(bundle).getAlgorithm()).isEqualTo("EC");
        // the same secret (the PKCS#8 form Boot re-encodes SEC1 into need not match byte for byte)
        assertThat(((ECPrivateKey) clientKey(bundle)).getS()).isEqualTo(((ECPrivateKey) keys.getPrivate()).getS());
    }

    @Test
    void readsAPkcs12KeyStoreWithItsPassword() throws Exception {
        Path pkcs12 = MqttTlsIngestionTest.writePkcs12(dir.resolve("bundle-client.p12"), certificates.client(), "secret");
        SslBundle bundle = MqttSslBundle.of(tls(null, null, null, pkcs12, "secret"));
        assertThat(clientKey(bundle).getEncoded())
            .isEqualTo(PemContent.load(certificates.client().key()).getPrivateKey().getEncoded());
        assertThatThrownBy(() -> MqttSslBundle.of(tls(null, null, null, pkcs12, "wrong")))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("waymark.mqtt.tls.key-store")
            .hasMessageContaining(pkcs12.toString());
    }

    @Test
    void aFileThatIsNotThereNamesThePropertyToFix() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> MqttSslBundle.of(tls(missing, null, null, null, null)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("waymark.mqtt.tls.ca: cannot read " + missing);
        assertThatThrownBy(() -> MqttSslBundle.of(tls(null, certificates.client().certificate(), missing, null, null)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("waymark.mqtt.tls.certificate / private-key: cannot read " + missing);
    }

    static MqttProperties.Tls tls(Path ca, Path certificate, Path key, Path keyStore, String password) {
        return new MqttProperties.Tls(ca, certificate, key, keyStore, password, true);
    }

    static PrivateKey clientKey(SslBundle bundle) throws Exception {
        KeyStore store = bundle.getStores().getKeyStore();
        List<String> aliases = Collections.list(store.aliases());
        assertThat(aliases).hasSize(1);
        KeyManager manager = bundle.getManagers().getKeyManagers()[0];
        return ((X509KeyManager) manager).getPrivateKey(aliases.get(0));
    }

    static Path pem(Path file, String type, byte[] content) throws Exception {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, content));
        }
        return Files.writeString(file, text.toString());
    }
}
