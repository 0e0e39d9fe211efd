/**
 * The embedded MQTT broker (Moquette): lets phones connect to Waymark directly, and tells
 * the application about connects and disconnects ({@link io.waymark.broker.BrokerEvent}), the
 * most exact presence signal there is. It knows nothing of presence itself.
 */
package io.waymark.broker;
