package io.waymark.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * Writes the {@code config.xml} HiveMQ reads at start, from Waymark's properties: in-memory
 * persistence, no usage statistics, the listeners, and for TLS a PKCS#12 key store made from
 * the PEM certificate and key (HiveMQ reads only key stores), with a password new at every start.
 */
final class HiveMqConfigFile {

    static final String WEBSOCKET_PATH = "/mqtt";

    private HiveMqConfigFile() {
    }

    static void write(Path folder, BrokerListeners listeners, BrokerProperties.Tls tls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<hivemq>\n  <listeners>\n");
        xml.append("    <tcp-listener>").append(address(listeners.tcp(), listeners.host())).append("</tcp-listener>\n");
        if (listeners.tls() != null) {
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path keyStore = folder.resolve("broker-tls.p12");
            writeKeyStore(keyStore, tls, password);
            xml.append("    <tls-tcp-listener>").append(address(listeners.tls(), listeners.host()))
                .append("<tls><keystore><path>").append(escape(keyStore.toString())).append("</path><password>")
                .append(password).append("</password><private-key-password>").append(password)
                .append("</private-key-password></keystore><client-authentication-mode>NONE")
                .append("</client-authentication-mode></tls></tls-tcp-listener>\n");
        }
        if (listeners.websocket() != null) {
            xml.append("    <websocket-listener>").append(address(listeners.websocket(), listeners.host()))
                .append("<path>").append(WEBSOCKET_PATH).append("</path>")
                .append("<subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>")
                .append("</websocket-listener>\n");
        }
        xml.append("""
                  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """);
        try {
            Files.writeString(folder.resolve("config.xml"), xml);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the embedded broker's configuration in " + folder, ex);
        }
    }

    private static String address(int port, String host) {
        return "<port>" + port + "</port><bind-address>" + escape(host) + "</bind-address>";
    }

    private static void writeKeyStore(Path file, BrokerProperties.Tls tls, String password) {
        try {
            X509Certificate[] chain = PemContent.load(tls.certificate()).getCertificates().toArray(X509Certificate[]::new);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("waymark", PemContent.load(tls.privateKey()).getPrivateKey(), password.toCharArray(), chain);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
        }
        catch (IOException | GeneralSecurityException | IllegalStateException ex) {
            throw new IllegalStateException("Cannot read the broker's TLS certificate " + tls.certificate()
                    + " and private key " + tls.privateKey() + " (PEM): " + ex.getMessage(), ex);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
