/**
 * The embedded MQTT broker (HiveMQ Community Edition): phones connect to Waymark directly.
 * <p>
 * Each client PUBLISH is handed in-process to the ingestion flow ({@link io.waymark.broker.BrokerInboundEndpoint}
 * sends it to {@link io.waymark.ingest.IngestFlowConfiguration#INBOUND_CHANNEL}); the broker
 * acknowledges a QoS 1/2 message only after Waymark committed it. Connections are announced as
 * {@link io.waymark.broker.BrokerEvent.BrokerStarting}, {@link io.waymark.broker.BrokerEvent.DeviceConnected} and
 * {@link io.waymark.broker.BrokerEvent.DeviceDisconnected} events, the most exact presence signal there is;
 * wills reach the flow when the broker publishes them. {@link io.waymark.broker.BrokerAuthenticator}
 * and {@link io.waymark.broker.BrokerAuthorizer} are the hooks for users and ACLs;
 * {@link io.waymark.broker.BrokerPublisher} publishes into the broker.
 */
package io.waymark.broker;
