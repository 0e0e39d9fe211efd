package io.waymark.tracking;

/** Published after a region transition is committed. */
public record TransitionStored(ReceivedTransition transition) {
}
