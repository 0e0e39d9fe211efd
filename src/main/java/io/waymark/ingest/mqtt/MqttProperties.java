package io.waymark.ingest.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Waymark's own MQTT client, which subscribes to the OwnTracks topics.
 *
 * @param enabled whether to subscribe over MQTT at all
 * @param url broker URL(s) ({@code tcp://}, {@code ssl://}, {@code ws://}, {@code wss://}),
 *        tried in turn (fail-over); empty: no MQTT client (the embedded broker feeds the flow in-process)
 * @param protocolVersion {@code 3.1.1} or {@code 5}
 * @param clientId a stable client id, so the broker keeps Waymark's session while it is away
 * @param username broker user name (Losant: the access key)
 * @param password broker password (Losant: the access secret)
 * @param topics topic filters to subscribe to
 * @param qos subscription QoS; 1 or 2 with a persistent session is what makes "nothing lost" hold
 * @param cleanSession false keeps a persistent session (MQTT 5: a session that never expires
 *        and no clean start): nothing published while Waymark is down is lost
 * @param keepAlive MQTT keepalive of Waymark's own connection
 * @param connectTimeout how long one connection attempt may take
 * @param sharedSubscriptionGroup when set, subscribe as {@code $share/<group>/<topic>} so that
 *        several Waymark instances split the messages
 * @param statusTopic where Waymark publishes a retained {@code online} at connect and registers a
 *        retained {@code offline} as its will; empty for none (brokers without retained messages)
 * @param tls TLS settings for {@code ssl://} and {@code wss://} URLs
 */
@ConfigurationProperties("waymark.mqtt")
@Validated
public record MqttProperties(@DefaultValue("true") boolean enabled,
        List<@Pattern(regexp = "(?i)(tcp|ssl|ws|wss)://.+", message = "must start with tcp://, ssl://, ws:// or wss://") String> url,
        @DefaultValue("3.1.1") @Pattern(regexp = "3\\.1\\.1|5", message = "must be 3.1.1 or 5") String protocolVersion,
        @DefaultValue("waymark") @NotBlank String clientId, String username, String password,
        @DefaultValue("owntracks/#") @NotEmpty List<@NotBlank String> topics,
        @DefaultValue("1") @Min(0) @Max(2) int qos, @DefaultValue("false") boolean cleanSession,
        @DefaultValue("60s") Duration keepAlive, @DefaultValue("30s") Duration connectTimeout,
        String sharedSubscriptionGroup, @DefaultValue("waymark/status") String statusTopic,
        @DefaultValue @Valid Tls tls) {

    public MqttProperties {
        url = url == null ? List.of() : url.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        if (sharedSubscriptionGroup != null && sharedSubscriptionGroup.isBlank()) {
            sharedSubscriptionGroup = null;
        }
        if (statusTopic != null && statusTopic.isBlank()) {
            statusTopic = null;
        }
        if (keepAlive.isNegative() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("waymark.mqtt.keep-alive and connect-timeout must not be negative");
        }
    }

    /** The filters as subscribed: with a shared subscription group, {@code $share/<group>/<topic>}. */
    List<String> subscriptions() {
        return sharedSubscriptionGroup == null ? topics
                : topics.stream().map(topic -> "$share/" + sharedSubscriptionGroup + "/" + topic).toList();
    }

    /**
     * TLS for {@code ssl://} and {@code wss://}.
     *
     * @param ca PEM file with the CA certificate(s) to trust; default: the JVM's trust store
     * @param certificate PEM client certificate (chain), with {@code privateKey}
     * @param privateKey PEM private key of {@code certificate}: PKCS#8 ({@code PRIVATE KEY}),
     *        PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY})
     * @param keyStore PKCS#12 file with the client certificate and key, instead of the PEM files
     * @param keyStorePassword password of {@code keyStore}
     * @param verifyHostname check that the broker's certificate names the host in the URL
     */
    public record Tls(Path ca, Path certificate, Path privateKey, Path keyStore, String keyStorePassword,
            @DefaultValue("true") boolean verifyHostname) {

        public Tls {
            if ((certificate == null) != (privateKey == null)) {
                throw new IllegalArgumentException(
                        "waymark.mqtt.tls.certificate and waymark.mqtt.tls.private-key go together: set both or neither");
            }
            if (certificate != null && keyStore != null) {
                throw new IllegalArgumentException("Set either waymark.mqtt.tls.certificate + private-key or "
                        + "waymark.mqtt.tls.key-store, not both");
            }
        }
    }
}
