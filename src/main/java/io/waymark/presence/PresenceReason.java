package io.waymark.presence;

import java.util.Locale;

/** Why a device's presence last changed. */
public enum PresenceReason {
    /** Any message other than a will: the device was connected when it sent it. */
    MESSAGE,
    /** The broker published the device's Last Will: its connection died. */
    LWT,
    /** The embedded broker accepted a connection for the device. */
    CONNECT,
    /** The embedded broker saw the device's connection end. */
    DISCONNECT,
    /** Nothing heard for longer than {@code waymark.presence.timeout}. */
    TIMEOUT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PresenceReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
