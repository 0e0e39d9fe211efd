package io.waymark.tracking;

/** A region a device defines ({@code tst} is its key in the apps), as the API shows it. */
record WaypointView(String desc, Double lat, Double lon, Integer rad, long tst, String rid, String uuid,
        Integer major, Integer minor) {
}
