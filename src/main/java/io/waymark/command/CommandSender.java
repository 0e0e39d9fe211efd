package io.waymark.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.waymark.broker.MqttPublishing;
import io.waymark.device.DeviceQueries;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.EncryptedPayload;
import io.waymark.owntracks.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps a command and sends it the way the device listens: an HTTP device (its last message came
 * over HTTP) finds it in its next {@code /pub} answer; any other is published on
 * {@code owntracks/<user>/<device>/cmd}, QoS 1, encrypted with the device's key if it has one.
 * A publish that fails leaves the command queued. Sending touches nothing of the device's
 * presence: a command is not a sign of life.
 */
@Component
class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandStore store;

    private final DeviceQueries devices;

    private final ObjectProvider<MqttPublishing> mqtt;

    private final EncryptedPayload encryption;

    private final Clock clock;

    CommandSender(CommandStore store, DeviceQueries devices, ObjectProvider<MqttPublishing> mqtt,
            EncryptedPayload encryption, Clock clock) {
        this.store = store;
        this.devices = devices;
        this.mqtt = mqtt;
        this.encryption = encryption;
        this.clock = clock;
    }

    CommandView send(DeviceId device, String action, String cmd) {
        long id = store.add(device, action, cmd, clock.instant());
        MqttPublishing publishing = mqtt.getIfAvailable();
        if (devices.transport(device).orElse(Transport.MQTT) != Transport.HTTP && publishing != null) {
            try {
                publishing.publish(topic(device), encryption.sealFor(device, cmd.getBytes(StandardCharsets.UTF_8)), 1,
                        false);
                store.markSent(id, clock.instant());
            }
            catch (IllegalStateException ex) {
                log.warn("Command {} to {} stays queued: {}", action, device, ex.getMessage());
            }
        }
        return store.find(id);
    }

    static String topic(DeviceId device) {
        return "owntracks/" + device.user() + "/" + device.device() + "/cmd";
    }
}
