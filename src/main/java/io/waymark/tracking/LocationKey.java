package io.waymark.tracking;

import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.Location;

/**
 * The location history's key: one BIGINT, the device row's {@code id} times 2^34 plus the fix's
 * {@code tst} ({@link Location#TST_LIMIT}), so that H2 keeps the history as one B-tree instead of
 * a row map and a composite key beside it (migration V7). A device's history is a range of it,
 * oldest first; every read of the history goes through {@link #range} or {@link #ofDevice}.
 */
public final class LocationKey {

    private static final String DEVICE_BASE = "(SELECT id FROM device WHERE user_name = ? AND device_name = ?) * "
            + Location.TST_LIMIT;

    /** SQL: the key of the history row that a {@code device_last_known} row holds (its {@code device_id} and {@code tst}). */
    public static String ofLastKnown(String lastKnown) {
        return lastKnown + ".device_id * " + Location.TST_LIMIT + " + " + lastKnown + ".tst";
    }

    /**
     * SQL: the keys of one device's fixes with {@code from <= tst <= to}; its parameters are
     * {@link #range}'s values, in order. An unknown device has no range (the sub-select is null).
     */
    public static String ofDevice(String column) {
        return column + " BETWEEN " + DEVICE_BASE + " + ? AND " + DEVICE_BASE + " + ?";
    }

    /**
     * The parameters of {@link #ofDevice}, then {@code then} (the statement's next ones). The
     * window is clamped to the tst a key can hold, so that it never reaches into the next device's
     * keys; a window that holds none stays empty (from > to).
     */
    public static Object[] range(DeviceId device, long from, long to, Object... then) {
        long first = Math.max(0, Math.min(from, Location.TST_LIMIT));
        long last = Math.max(-1, Math.min(to, Location.TST_LIMIT - 1));
        Object[] values = new Object[6 + then.length];
        values[0] = device.user();
        values[1] = device.device();
        values[2] = first;
        values[3] = device.user();
        values[4] = device.device();
        values[5] = last;
        System.arraycopy(then, 0, values, 6, then.length);
        return values;
    }

    static long of(long deviceRow, long tst) {
        return deviceRow * Location.TST_LIMIT + tst;
    }

    private LocationKey() {
    }
}
