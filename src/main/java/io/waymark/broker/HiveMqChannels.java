package io.waymark.broker;

import java.lang.reflect.Field;
import java.util.Optional;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty channel of an embedded-broker connection, which HiveMQ's extension SDK does not
 * expose: its connection attribute store keeps it in a private field. Waymark needs it for one
 * thing, its {@link PubackGate}. Written against HiveMQ CE 2025.5; {@code PubackGateTest} fails
 * if the version changes, and where the field is gone Waymark holds PUBACKs through HiveMQ's
 * interceptor instead (slower, the same guarantees).
 */
final class HiveMqChannels {

    private static final Logger log = LoggerFactory.getLogger(HiveMqChannels.class);

    private static final String STORE_CLASS = "com.hivemq.extensions.client.parameter.ConnectionAttributeStoreImpl";

    private static final Field CHANNEL = channelField();

    private HiveMqChannels() {
    }

    /** The channel behind {@code store}; empty if this HiveMQ keeps it elsewhere. */
    static Optional<Channel> of(ConnectionAttributeStore store) {
        if (CHANNEL == null || !CHANNEL.getDeclaringClass().isInstance(store)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Channel) CHANNEL.get(store));
        }
        catch (IllegalAccessException ex) {
            return Optional.empty();
        }
    }

    private static Field channelField() {
        try {
            Field field = Class.forName(STORE_CLASS).getDeclaredField("channel");
            if (!Channel.class.isAssignableFrom(field.getType())) {
                throw new NoSuchFieldException("channel is a " + field.getType());
            }
            field.setAccessible(true);
            return field;
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            log.warn("Embedded broker: HiveMQ's connection channel is out of reach ({}); PUBACKs are held through "
                    + "its interceptor, which is slower", ex.toString());
            return null;
        }
    }
}
