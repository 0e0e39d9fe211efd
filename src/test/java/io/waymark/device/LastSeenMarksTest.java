package io.waymark.device;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code last_seen} never moves backwards, and a write that did not move it leaves no mark: under
 * ingestion presence proposes every device's last-seen per batch, and each mark costs the device
 * list a re-read of that row.
 */
class LastSeenMarksTest extends EmbeddedWaymarkTest {

    private static final DeviceId DEVICE = new DeviceId("lastseen-marks", "phone");

    private static final Instant SEEN = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    DeviceRegistry registry;

    @Autowired
    DeviceListCache list;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyALastSeenThatMovesTheRowMarksTheDevice() {
        registry.ensure(List.of(DEVICE));
        registry.updateLastSeen(Map.of(DEVICE, SEEN));
        assertThat(list.marked(DEVICE)).as("the first last-seen moved the row").isTrue();
        list.current(); // takes the marks
        assertThat(list.marked(DEVICE)).isFalse();

        registry.updateLastSeen(Map.of(DEVICE, SEEN.minusSeconds(60)));
        assertThat(list.marked(DEVICE)).as("an older last-seen moves nothing").isFalse();
        registry.updateLastSeen(Map.of(DEVICE, SEEN));
        assertThat(list.marked(DEVICE)).as("the same last-seen moves nothing").isFalse();
        assertThat(lastSeen()).isEqualTo(SEEN);

        registry.updateLastSeen(Map.of(DEVICE, SEEN.plusSeconds(60)));
        assertThat(list.marked(DEVICE)).as("a newer last-seen moved the row").isTrue();
        assertThat(lastSeen()).isEqualTo(SEEN.plusSeconds(60));
        assertThat(list.current().answer(Viewer.UNRESTRICTED, DEVICE.user(), null).toByteArray())
            .asString().contains("2026-12-01T10:01:00Z");
    }

    private Instant lastSeen() {
        return jdbc.sql("SELECT k.last_seen FROM device d JOIN device_last_known k ON k.device_id = d.id"
                + " WHERE d.user_name = ? AND d.device_name = ?")
            .params(DEVICE.user(), DEVICE.device())
            .query(OffsetDateTime.class).single().toInstant();
    }
}
