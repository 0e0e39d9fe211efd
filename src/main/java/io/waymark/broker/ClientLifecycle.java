package io.waymark.broker;

import java.nio.ByteBuffer;
import java.util.Optional;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows each connection from CONNECT to its end: tells {@link ClientDevices} who connected and
 * left, and hands a client's will to the ingestion flow when the broker publishes it.
 * <p>
 * A will is published by the broker itself, so it never passes the {@link PublishHandOff}. Its
 * rule is MQTT's, and HiveMQ's: the will goes out when the connection ends in any way but a
 * normal DISCONNECT — a dropped socket ({@code onConnectionLost}), a keepalive timeout (1.5 ×
 * keepalive of silence) or any other disconnect by the server, including a takeover by a new
 * connection with the same client id, and an MQTT 5 DISCONNECT asking for the will. The will
 * seen at CONNECT is kept in the connection's attribute store until then. (An MQTT 5 will delay
 * is not honoured here: the OwnTracks apps set none.)
 */
class ClientLifecycle implements ClientLifecycleEventListener {

    private static final Logger log = LoggerFactory.getLogger(ClientLifecycle.class);

    private static final String WILL_TOPIC = "waymark.will-topic";

    private static final String WILL_PAYLOAD = "waymark.will-payload";

    private final ClientDevices devices;

    private final BrokerInboundEndpoint endpoint;

    private final IngestedTopics topics;

    ClientLifecycle(ClientDevices devices, BrokerInboundEndpoint endpoint, IngestedTopics topics) {
        this.devices = devices;
        this.endpoint = endpoint;
        this.topics = topics;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        Optional<WillPublishPacket> will = input.getConnectPacket().getWillPublish();
        if (will.isPresent()) {
            ConnectionAttributeStore connection = attributes(input);
            connection.putAsString(WILL_TOPIC, will.get().getTopic());
            connection.put(WILL_PAYLOAD, will.get().getPayload().orElse(ByteBuffer.allocate(0)));
        }
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        devices.connected(attributes(input), clientId(input), attributes(input).getAsString(WILL_TOPIC).orElse(null));
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        ended(input, true);
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        ended(input, true);
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        ended(input, input.getReasonCode().orElse(DisconnectedReasonCode.NORMAL_DISCONNECTION)
                != DisconnectedReasonCode.NORMAL_DISCONNECTION);
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        // every way a connection ends has its own callback above
    }

    private void ended(DisconnectEventInput input, boolean willSent) {
        ConnectionAttributeStore connection = attributes(input);
        boolean takenOver = input.getReasonCode().orElse(null) == DisconnectedReasonCode.SESSION_TAKEN_OVER;
        if (!takenOver) {
            // on a takeover the client id lives on in the new connection, which is already connected
            devices.disconnected(connection, clientId(input));
        }
        Optional<String> willTopic = connection.getAsString(WILL_TOPIC);
        if (willSent && willTopic.isPresent() && topics.matches(willTopic.get())) {
            byte[] bytes = PublishHandOff.bytes(connection.get(WILL_PAYLOAD).orElse(null));
            try {
                endpoint.handOff(willTopic.get(), bytes, null);
            }
            catch (RuntimeException ex) {
                log.warn("Embedded broker: will of {} not ingested: {}", clientId(input), ex.toString());
            }
        }
    }

    private static ConnectionAttributeStore attributes(com.hivemq.extension.sdk.api.parameter.ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore();
    }

    private static String clientId(com.hivemq.extension.sdk.api.parameter.ClientBasedInput input) {
        return input.getClientInformation().getClientId();
    }
}
