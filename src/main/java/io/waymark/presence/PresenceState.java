package io.waymark.presence;

import java.util.Locale;

public enum PresenceState {
    ONLINE, OFFLINE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PresenceState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
