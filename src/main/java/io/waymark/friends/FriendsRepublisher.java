package io.waymark.friends;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.waymark.broker.MqttPublishing;
import io.waymark.config.EncryptionProperties;
import io.waymark.config.EventAudience;
import io.waymark.device.CardStored;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.EncryptedPayload;
import io.waymark.owntracks.EncryptionKeys;
import io.waymark.owntracks.SecretBox;
import io.waymark.owntracks.Transport;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.ReceivedLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Republishes, retained, what MQTT phones could not otherwise see: locations that came over
 * HTTP (to {@code owntracks/<user>/<device>}) and cards that came over HTTP or through the API
 * (to {@code .../info}). What came over MQTT the phones got from the broker already. Encrypted
 * with the sending user's key when it came in encrypted (a family's apps share one secret),
 * plain otherwise.
 * <p>
 * Always with the embedded broker; with an external one only when
 * {@code waymark.friends.republish=true}. The echo through Waymark's own subscription is dropped
 * by ingestion ({@link MqttPublishing}), so republishing never loops and is never a sign of life.
 * Publishing runs on a thread of its own, in order: a slow broker must not hold up the writer.
 */
@Component
class FriendsRepublisher implements DisposableBean, EventAudience {

    private static final Logger log = LoggerFactory.getLogger(FriendsRepublisher.class);

    private final ObjectProvider<MqttPublishing> mqtt;

    private final FriendsProperties properties;

    private final EncryptionKeys keys;

    private final EncryptedPayload encryption;

    private final JsonMapper json;

    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "waymark-friends-republish");
        t.setDaemon(true);
        return t;
    });

    FriendsRepublisher(ObjectProvider<MqttPublishing> mqtt, FriendsProperties properties,
            EncryptionProperties encryption, EncryptedPayload envelopes, JsonMapper json) {
        this.mqtt = mqtt;
        this.properties = properties;
        this.keys = encryption.toEncryptionKeys();
        this.encryption = envelopes;
        this.json = json;
    }

    /** Only new last-known locations that the phones did not already see on the broker. */
    @Override
    public boolean wants(Object event) {
        return event instanceof LocationStored stored && stored.lastKnown()
                && stored.location().transport() != Transport.MQTT;
    }

    @EventListener
    void on(LocationStored stored) {
        ReceivedLocation l = stored.location();
        if (stored.lastKnown() && l.transport() != Transport.MQTT) {
            String location = FriendMessages.location(json, l.deviceId(), l.location().tid(), l.location().tst(),
                    l.rawJson());
            if (location != null) {
                republish(l.deviceId(), FriendMessages.topic(l.deviceId()), location, l.encrypted());
            }
        }
    }

    @EventListener
    void on(CardStored stored) {
        if (stored.transport() != Transport.MQTT) {
            // the card as it came, as the device sent it (or as the API made it)
            republish(stored.deviceId(), FriendMessages.topic(stored.deviceId()) + "/info", stored.json(),
                    stored.encrypted());
        }
    }

    private void republish(DeviceId device, String topic, String message, boolean encrypted) {
        MqttPublishing publishing = mqtt.getIfAvailable();
        if (publishing == null || !(publishing.embedded() || properties.republish())) {
            return;
        }
        byte[] plain = message.getBytes(StandardCharsets.UTF_8);
        byte[] payload = encrypted ? keys.forUser(device.user()).or(() -> keys.forDevice(device))
            .map((SecretBox box) -> encryption.seal(box, plain)).orElse(plain) : plain;
        publisher.execute(() -> {
            try {
                publishing.publish(topic, payload, 1, true);
            }
            catch (RuntimeException ex) {
                log.warn("Friends: could not republish {}: {}", topic, ex.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        publisher.shutdown();
    }
}
