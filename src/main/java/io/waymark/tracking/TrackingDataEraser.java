package io.waymark.tracking;

import io.waymark.account.UserDataEraser;
import io.waymark.device.DeviceChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a user's locations, transitions, waypoints and device rows (cards, last-known state, presence). */
@Component
class TrackingDataEraser implements UserDataEraser {

    private static final String[] TABLES = { "location", "region_transition", "waypoint", "device" };

    private final JdbcClient jdbc;

    private final DeviceChanges deviceChanges;

    TrackingDataEraser(JdbcClient jdbc, DeviceChanges deviceChanges) {
        this.jdbc = jdbc;
        this.deviceChanges = deviceChanges;
    }

    @Override
    public int eraseDataOf(String user) {
        int rows = 0;
        for (String table : TABLES) {
            rows += jdbc.sql("DELETE FROM " + table + " WHERE user_name = :user").param("user", user).update();
        }
        deviceChanges.changedAll(); // the device list drops the user's devices
        return rows;
    }
}
