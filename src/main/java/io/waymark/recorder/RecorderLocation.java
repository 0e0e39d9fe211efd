package io.waymark.recorder;

import java.time.Instant;

/**
 * A stored fix as the Recorder API serves it: the JSON the device sent, with where and when it
 * arrived, and the canonical {@code lat}/{@code lon}/{@code tst} Waymark decoded from it.
 */
record RecorderLocation(String user, String device, String topic, double lat, double lon, long tst,
        Instant receivedAt, String rawJson) {
}
