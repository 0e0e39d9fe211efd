/**
 * Locations: the history of every fix and the last-known location of each device, plus the
 * other things devices tell about themselves (transitions, waypoints, cards).
 */
package io.waymark.tracking;
