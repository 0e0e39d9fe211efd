/**
 * The embedded MQTT broker (Moquette): lets phones connect to Waymark directly, and tells
 * presence about connects and disconnects, the most exact presence signal there is.
 */
package io.waymark.broker;
