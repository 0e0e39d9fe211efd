package io.waymark.transfer;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.waymark.owntracks.DeviceId;
import io.waymark.transfer.HistoryKey.LocationKey;
import io.waymark.transfer.HistoryKey.TransitionKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which of a batch's keys the store already holds for a device. */
@Component
class StoredKeys {

    private final JdbcTemplate jdbc;

    StoredKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<HistoryKey> present(DeviceId device, List<HistoryKey> keys) {
        Set<Long> locationTimes = new HashSet<>();
        Set<Long> transitionTimes = new HashSet<>();
        for (HistoryKey key : keys) {
            (key instanceof LocationKey ? locationTimes : transitionTimes).add(key.tst());
        }
        Set<HistoryKey> present = new HashSet<>();
        if (!locationTimes.isEmpty()) {
            // the device's history between the first and the last of these times, by its key
            Object[] args = io.waymark.tracking.LocationKey.range(device, Collections.min(locationTimes),
                    Collections.max(locationTimes), locationTimes.toArray());
            jdbc.query("SELECT tst FROM location WHERE " + io.waymark.tracking.LocationKey.ofDevice("id")
                    + " AND tst IN (" + placeholders(locationTimes.size()) + ")", rs -> {
                        present.add(new LocationKey(rs.getLong(1)));
                    }, args);
        }
        if (!transitionTimes.isEmpty()) {
            jdbc.query("SELECT tst, event, region_key FROM region_transition WHERE user_name = ? AND device_name = ?"
                    + " AND tst IN (" + placeholders(transitionTimes.size()) + ")", rs -> {
                        present.add(new TransitionKey(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }, arguments(device, transitionTimes));
        }
        return present;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Object[] arguments(DeviceId device, Set<Long> times) {
        Object[] args = new Object[times.size() + 2];
        args[0] = device.user();
        args[1] = device.device();
        int i = 2;
        for (Long tst : times) {
            args[i++] = tst;
        }
        return args;
    }
}
