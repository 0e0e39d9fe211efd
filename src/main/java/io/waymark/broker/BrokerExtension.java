package io.waymark.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.PublishService;

/**
 * Waymark inside HiveMQ: an embedded extension that registers the lifecycle listener and the
 * security hooks when the broker starts, and gives each new connection its own hand-off.
 * <p>
 * HiveMQ's {@link Services} are static and point to the broker that started last (tests run
 * several in one JVM), so everything is registered, and the publish service captured, while
 * this broker's extension starts.
 */
class BrokerExtension implements ExtensionMain {

    private final PublishHandOff handOff;

    private final ClientLifecycle lifecycle;

    private final BrokerAuthenticator authenticator;

    private final BrokerAuthorizer authorizer;

    private volatile PublishService publishService;

    private volatile PubackDeadlines deadlines;

    BrokerExtension(PublishHandOff handOff, ClientLifecycle lifecycle, BrokerAuthenticator authenticator,
            BrokerAuthorizer authorizer) {
        this.handOff = handOff;
        this.lifecycle = lifecycle;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.eventRegistry().setClientLifecycleEventListener(in -> lifecycle);
        Services.securityRegistry().setAuthenticatorProvider(in -> BrokerSecurity.authenticator(authenticator));
        PubackDeadlines started = new PubackDeadlines(Services.clientService(), handOff.commitTimeout());
        if (authorizer == BrokerAuthorizer.ALLOW_ALL) {
            // an authorizer is one more task per PUBLISH: none at all while everything is allowed
            Services.initializerRegistry().setClientInitializer((in, client) -> handOff.install(in, client, started));
        }
        else {
            BrokerSecurity.Authorizer hook = new BrokerSecurity.Authorizer(authorizer);
            Services.securityRegistry().setAuthorizerProvider(in -> hook);
            Services.initializerRegistry().setClientInitializer((in, client) -> {
                handOff.install(in, client, started);
                client.addPublishOutboundInterceptor(hook);
            });
        }
        deadlines = started;
        publishService = Services.publishService();
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        publishService = null;
        PubackDeadlines stopped = deadlines;
        deadlines = null;
        if (stopped != null) {
            stopped.stop();
        }
    }

    PublishService publishService() {
        PublishService service = publishService;
        if (service == null) {
            throw new IllegalStateException("The embedded MQTT broker is not running");
        }
        return service;
    }
}
