package io.waymark.tracking;

/** A stored region transition, as the API shows it. */
record TransitionView(String event, String desc, String rid, long tst, Double lat, Double lon, Integer acc) {
}
