package io.waymark.device;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A device in the API: identity, presence and last-known location (null before the first fix).
 *
 * @param transport how its last own message came: {@code mqtt}, {@code http}, or null before any
 * @param face where its card's picture is ({@code GET .../face}), null without one
 * @param status its last {@code status} message as sent (only on the single device), else null
 * @param configuration its last configuration dump as sent (only on the single device), else null
 */
record DeviceView(String user, String device, String tid, String name, PresenceView presence, LocationView location,
        String transport, String face, @JsonRawValue String status, @JsonRawValue String configuration) {

    DeviceView(String user, String device, String tid, String name, PresenceView presence, LocationView location) {
        this(user, device, tid, name, presence, location, null, null, null, null);
    }
}
