/**
 * Several Waymark instances on one PostgreSQL database behave as one: every committed event
 * that a module declares cluster-wide (a {@link io.waymark.cluster.ClusterEventType} bean) is
 * sent to the other instances with {@code NOTIFY}, and what they send is published here again
 * as the same application event, so that the live stream and the caches of every instance see
 * the whole cluster. {@link io.waymark.cluster.RemoteEvents} tells such a replay from a local
 * event; {@link io.waymark.cluster.ClusterEventsMissed} says some may have been missed. With
 * H2 (one instance) nothing is sent or listened for.
 */
package io.waymark.cluster;
