package io.waymark.presence;

import io.waymark.broker.BrokerStarting;
import io.waymark.broker.DeviceConnected;
import io.waymark.broker.DeviceDisconnected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The embedded broker's connection events, fed to the {@link PresenceTracker}. */
@Component
class BrokerPresenceListener {

    private final PresenceTracker presence;

    BrokerPresenceListener(PresenceTracker presence) {
        this.presence = presence;
    }

    @EventListener
    void on(BrokerStarting event) {
        presence.brokerStarting();
    }

    @EventListener
    void on(DeviceConnected event) {
        presence.connected(event.device(), event.clientId());
    }

    @EventListener
    void on(DeviceDisconnected event) {
        presence.disconnected(event.device(), event.clientId());
    }
}
