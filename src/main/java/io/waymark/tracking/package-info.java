/**
 * Tracking: locations, region transitions and waypoints. {@link io.waymark.tracking.TrackingRecorder}
 * stores what the ingestion writer hands it and publishes {@link io.waymark.tracking.LocationStored}
 * and {@link io.waymark.tracking.TransitionStored} after the commit; the history is read through
 * {@code GET /api/v1/devices/{user}/{device}/locations} and {@code .../transitions}.
 */
package io.waymark.tracking;
