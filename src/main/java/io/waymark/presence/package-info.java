/**
 * Device presence: online / offline, since when, last seen and why. A pure state machine
 * ({@code PresenceMachine}) decides from messages and wills (handed over by the ingestion
 * writer), the embedded broker's connects and disconnects ({@link io.waymark.broker.BrokerEvent})
 * and timeouts (the sweeper); {@link io.waymark.presence.PresenceTracker} stores each change and
 * publishes it as {@link io.waymark.presence.PresenceChanged} after the commit. With several
 * instances on one database the device row is the truth: changes are conditional updates
 * (recorded by the one instance whose update hit the row) and timeouts are found in the stored
 * last-seen, what the whole cluster heard (docs/SCALING.md).
 */
package io.waymark.presence;
