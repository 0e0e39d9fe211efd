package io.waymark.device;

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
        rows.rowsCommitted(Map.of(PHONE, 7L), generation);
        rows.transportsCommitted(Map.of(PHONE, Transport.HTTP), generation);

        assertThat(rows.id(PHONE)).isEqualTo(7L);
        assertThat(rows.id(WATCH)).isNull();
        assertThat(rows.transport(PHONE)).isEqualTo(Transport.HTTP);
    }

    @Test
    void forgetsEverythingWhenRowsMayHaveGone() {
        rows.rowsCommitted(Map.of(PHONE, 1L, WATCH, 2L), rows.generation());
        rows.transportsCommitted(Map.of(PHONE, Transport.MQTT), rows.generation());

        rows.forgetAll();

        assertThat(rows.id(PHONE)).isNull();
        assertThat(rows.id(WATCH)).isNull();
        assertThat(rows.transport(PHONE)).isNull();
    }

    /** A batch that read the memory before an erase commits after it: its rows may be the erased ones. */
    @Test
    void aBatchThatBeganBeforeAForgetAddsNothingAfterIt() {
        long before = rows.generation();
        rows.forgetAll();

        rows.rowsCommitted(Map.of(PHONE, 1L), before);
        rows.transportsCommitted(Map.of(PHONE, Transport.API), before);

        assertThat(rows.id(PHONE)).isNull();
        assertThat(rows.transport(PHONE)).isNull();
        rows.rowsCommitted(Map.of(PHONE, 3L), rows.generation());
        assertThat(rows.id(PHONE)).isEqualTo(3L);
    }
}
