package io.waymark.ingest;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Waymark's own MQTT client, which subscribes to the OwnTracks topics.
 *
 * @param enabled whether to subscribe over MQTT at all
 * @param url broker URL(s); empty means the embedded broker
 * @param clientId a stable client id, so the broker keeps Waymark's session while it is away
 * @param topics topic filters to subscribe to
 * @param qos subscription QoS
 * @param cleanSession false keeps a persistent session: nothing published while Waymark is
 *        down is lost
 */
@ConfigurationProperties("waymark.mqtt")
public record MqttProperties(@DefaultValue("true") boolean enabled, List<String> url,
        @DefaultValue("waymark") String clientId, String username, String password,
        @DefaultValue("owntracks/#") List<String> topics, @DefaultValue("1") int qos,
        @DefaultValue("false") boolean cleanSession, @DefaultValue("60s") Duration keepAlive,
        @DefaultValue("30s") Duration connectTimeout) {

    public MqttProperties {
        url = url == null ? List.of() : List.copyOf(url);
    }
}
