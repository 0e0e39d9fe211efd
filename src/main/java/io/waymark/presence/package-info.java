/**
 * Device presence: online / offline, since when, last seen and why. A pure state machine
 * ({@code PresenceMachine}) decides from messages and wills (handed over by the ingestion
 * writer), the embedded broker's connects and disconnects ({@link io.waymark.broker.BrokerEvent})
 * and timeouts (the sweeper); {@link io.waymark.presence.PresenceTracker} stores each change and
 * publishes it as {@link io.waymark.presence.PresenceChanged} after the commit.
 */
package io.waymark.presence;
