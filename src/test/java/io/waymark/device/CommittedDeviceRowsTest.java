package io.waymark.device;

import java.util.List;
import java.util.Map;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Transport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedDeviceRowsTest {

    private static final DeviceId PHONE = new DeviceId("jane", "phone");

    private static final DeviceId WATCH = new DeviceId("jane", "watch");

    private final CommittedDeviceRows rows = new CommittedDeviceRows();

    @Test
    void remembersWhatABatchCommitted() {
        long generation = rows.generation();
        rows.committed(List.of(PHONE), generation);
        rows.committed(Map.of(PHONE, Transport.HTTP), generation);

        assertThat(rows.exists(PHONE)).isTrue();
        assertThat(rows.exists(WATCH)).isFalse();
        assertThat(rows.transport(PHONE)).isEqualTo(Transport.HTTP);
    }

    @Test
    void forgetsEverythingWhenRowsMayHaveGone() {
        rows.committed(List.of(PHONE, WATCH), rows.generation());
        rows.committed(Map.of(PHONE, Transport.MQTT), rows.generation());

        rows.forgetAll();

        assertThat(rows.exists(PHONE)).isFalse();
        assertThat(rows.exists(WATCH)).isFalse();
        assertThat(rows.transport(PHONE)).isNull();
    }

    /** A batch that read the memory before an erase commits after it: its rows may be the erased ones. */
    @Test
    void aBatchThatBeganBeforeAForgetAddsNothingAfterIt() {
        long before = rows.generation();
        rows.forgetAll();

        rows.committed(List.of(PHONE), before);
        rows.committed(Map.of(PHONE, Transport.API), before);

        assertThat(rows.exists(PHONE)).isFalse();
        assertThat(rows.transport(PHONE)).isNull();
        rows.committed(List.of(PHONE), rows.generation());
        assertThat(rows.exists(PHONE)).isTrue();
    }
}
