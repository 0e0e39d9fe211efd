package io.waymark.owntracks;

/** Entering or leaving a region ({@code _type: transition}); {@code event} is enter or leave. */
public record Transition(String event, long tst, Long wtst, Double lat, Double lon, Integer acc,
        String desc, String rid, String tid, String trigger) implements OwnTracksMessage {

    @Override
    public String type() {
        return "transition";
    }
}
