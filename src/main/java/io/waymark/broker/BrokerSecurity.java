package io.waymark.broker;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;

/**
 * Puts Waymark's {@link BrokerAuthenticator} and {@link BrokerAuthorizer} in front of HiveMQ.
 * The user name a client authenticated with is kept with its connection for the authorizer.
 */
final class BrokerSecurity {

    private static final String USERNAME = "waymark.username";

    private BrokerSecurity() {
    }

    static SimpleAuthenticator authenticator(BrokerAuthenticator authenticator) {
        return (SimpleAuthInput input, SimpleAuthOutput output) -> {
            ConnectPacket connect = input.getConnectPacket();
            String username = connect.getUserName().orElse(null);
            String password = connect.getPassword().map(BrokerSecurity::utf8).orElse(null);
            String willTopic = connect.getWillPublish().map(WillPublishPacket::getTopic).orElse(null);
            String address = input.getConnectionInformation()
                .getInetAddress()
                .map(InetAddress::getHostAddress)
                .orElse(null);
            if (authenticator.authenticate(new BrokerLogin(connect.getClientId(), username, password, willTopic,
                    address))) {
                if (username != null) {
                    input.getConnectionInformation().getConnectionAttributeStore().putAsString(USERNAME, username);
                }
                output.authenticateSuccessfully();
            }
            else {
                output.failAuthentication();
            }
        };
    }

    /** Asked for every PUBLISH, for the will at CONNECT, for every SUBSCRIBE and every delivery. */
    static final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer, PublishOutboundInterceptor {

        private final BrokerAuthorizer authorizer;

        Authorizer(BrokerAuthorizer authorizer) {
            this.authorizer = authorizer;
        }

        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            if (authorizer.mayPublish(client(input), input.getPublishPacket().getTopic())) {
                output.authorizeSuccessfully();
            }
            else {
                output.failAuthorization();
            }
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            if (authorizer.maySubscribe(client(input), input.getSubscription().getTopicFilter())) {
                output.authorizeSuccessfully();
            }
            else {
                output.failAuthorization();
            }
        }

        @Override
        public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
            if (!authorizer.mayReceive(client(input), input.getPublishPacket().getTopic())) {
                output.preventPublishDelivery();
            }
        }

    }

    /** The client of a hook's input, with the user name it authenticated with. */
    static BrokerClient client(ClientBasedInput input) {
        return new BrokerClient(input.getClientInformation().getClientId(),
                input.getConnectionInformation().getConnectionAttributeStore().getAsString(USERNAME).orElse(null));
    }

    private static String utf8(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
