package io.waymark.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MQTT broker that phones can connect to directly.
 *
 * @param enabled whether to start it (turn off when using Mosquitto or a cloud broker)
 * @param host the address to listen on
 * @param port the TCP port; 0 picks a free one
 * @param dataPath where the broker keeps its own files (client ids, sessions)
 */
@ConfigurationProperties("waymark.broker")
public record BrokerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String host,
        @DefaultValue("1883") int port, @DefaultValue("./data/broker") String dataPath) {
}
