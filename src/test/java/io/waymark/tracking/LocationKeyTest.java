package io.waymark.tracking;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationKeyTest {

    private static final DeviceId PHONE = new DeviceId("jane", "phone");

    @Test
    void aKeyIsTheDeviceRowAndTheTst() {
        assertThat(LocationKey.of(3, 1_718_040_000L)).isEqualTo(3 * Location.TST_LIMIT + 1_718_040_000L);
        // one device's keys end before the next one's begin
        assertThat(LocationKey.of(3, Location.TST_LIMIT - 1)).isLessThan(LocationKey.of(4, 0));
    }

    @Test
    void aWindowNeverReachesIntoAnotherDevicesKeys() {
        assertThat(LocationKey.range(PHONE, 0, Long.MAX_VALUE))
            .containsExactly("jane", "phone", 0L, "jane", "phone", Location.TST_LIMIT - 1);
        assertThat(LocationKey.range(PHONE, Long.MIN_VALUE, 10, 500))
            .containsExactly("jane", "phone", 0L, "jane", "phone", 10L, 500);
    }

    @Test
    void aWindowNoKeyHoldsStaysEmpty() {
        Object[] past = LocationKey.range(PHONE, -20, -10);
        assertThat((long) past[2]).isGreaterThan((long) past[5]);
        Object[] future = LocationKey.range(PHONE, Location.TST_LIMIT, Long.MAX_VALUE);
        assertThat((long) future[2]).isGreaterThan((long) future[5]);
    }

    @Test
    void theLastKnownJoinAndTheRangeReadTheSameColumns() {
        assertThat(LocationKey.ofLastKnown("k")).isEqualTo("k.device_id * " + Location.TST_LIMIT + " + k.tst");
        assertThat(LocationKey.ofDevice("l.id")).startsWith("l.id BETWEEN (SELECT id FROM device WHERE user_name = ?");
    }
}
