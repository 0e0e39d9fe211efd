/**
 * Device presence: online / offline, since when, last seen and why, decided from messages,
 * Last-Will messages, the embedded broker's connects and disconnects, and timeouts.
 */
package io.waymark.presence;
