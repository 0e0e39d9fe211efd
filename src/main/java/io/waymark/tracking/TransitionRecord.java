package io.waymark.tracking;

/** A stored region transition, as read back. */
public record TransitionRecord(String event, String desc, String rid, long tst, Double lat, Double lon, Integer acc) {
}
