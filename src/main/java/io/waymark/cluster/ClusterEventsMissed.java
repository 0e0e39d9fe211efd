package io.waymark.cluster;

/**
 * Published when this instance may have missed other instances' events (its listening
 * connection was lost, or a sender had to drop events): whatever was built from them should be
 * read again from the database.
 */
public record ClusterEventsMissed(String reason) {
}
