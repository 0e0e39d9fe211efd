package io.waymark.presence;

import io.waymark.cluster.ClusterEventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Presence changes reach every instance: their dashboards, and their trackers' memory. */
@Configuration(proxyBeanMethods = false)
class PresenceClusterEvents {

    @Bean
    ClusterEventType<PresenceChanged> presenceChangedOnTheCluster() {
        return ClusterEventType.of("presence", PresenceChanged.class);
    }
}
