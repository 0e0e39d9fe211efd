package io.waymark.tracking;

import io.waymark.cluster.ClusterEventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stored locations and transitions reach every instance (their dashboards show the whole cluster). */
@Configuration(proxyBeanMethods = false)
class TrackingClusterEvents {

    @Bean
    ClusterEventType<LocationStored> locationStoredOnTheCluster() {
        return ClusterEventType.of("location", LocationStored.class);
    }

    @Bean
    ClusterEventType<TransitionStored> transitionStoredOnTheCluster() {
        return ClusterEventType.of("transition", TransitionStored.class);
    }
}
