/**
 * Waymark's own MQTT client: Spring Integration's inbound adapters (MQTT 3.1.1 and 5) on Paho
 * clients that feed {@link io.waymark.ingest.IngestFlowConfiguration#INBOUND_CHANNEL}, with the
 * client settings turned into connect options once ({@link io.waymark.ingest.mqtt.MqttClientSettings}),
 * TLS from Spring Boot SSL bundles, connect retry and hang watchdog, the {@code mqtt} health
 * component and Waymark's status topic. {@link io.waymark.ingest.mqtt.MqttProperties} is the
 * public face ({@code waymark.mqtt.*}).
 */
package io.waymark.ingest.mqtt;
