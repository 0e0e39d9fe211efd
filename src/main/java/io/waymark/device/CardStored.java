package io.waymark.device;

import io.waymark.owntracks.Card;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transport;

/**
 * Published after a device's card is committed, from the device or uploaded through the API.
 *
 * @param json the card as received (decrypted, when it came encrypted)
 * @param encrypted whether it came in an encrypted envelope
 */
public record CardStored(DeviceId deviceId, Card card, String json, Transport transport, boolean encrypted) {
}
