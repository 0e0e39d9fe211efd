package io.waymark.tracking;

import io.waymark.account.UserDataEraser;
import io.waymark.device.DeviceChanges;
import io.waymark.owntracks.Location;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a user's locations, transitions, waypoints and device rows (cards, what the apps reported, last-known state, presence). */
@Component
class TrackingDataEraser implements UserDataEraser {

    private static final String[] TABLES = { "region_transition", "waypoint", "device_report", "device" };

    private final JdbcClient jdbc;

    private final DeviceChanges deviceChanges;

    TrackingDataEraser(JdbcClient jdbc, DeviceChanges deviceChanges) {
        this.jdbc = jdbc;
        this.deviceChanges = deviceChanges;
    }

    @Override
    public int eraseDataOf(String user) {
        int rows = 0;
        // each device's history is a range of the key: no scan of everyone's history
        for (long device : jdbc.sql("SELECT id FROM device WHERE user_name = :user").param("user", user)
                .query(Long.class).list()) {
            rows += jdbc.sql("DELETE FROM location WHERE id BETWEEN :first AND :last")
                .param("first", LocationKey.of(device, 0))
                .param("last", LocationKey.of(device, Location.TST_LIMIT - 1))
                .update();
            rows += jdbc.sql("DELETE FROM device_last_known WHERE device_id = :device").param("device", device).update();
        }
        for (String table : TABLES) {
            rows += jdbc.sql("DELETE FROM " + table + " WHERE user_name = :user").param("user", user).update();
        }
        deviceChanges.changedAll(); // the device list drops the user's devices
        return rows;
    }
}
