package io.waymark.device;

import io.waymark.cluster.ClusterEventType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Changed device rows reach every instance: their device lists follow. */
@Configuration(proxyBeanMethods = false)
class DeviceClusterEvents {

    @Bean
    ClusterEventType<DevicesChanged> devicesChangedOnTheCluster() {
        return ClusterEventType.of("devices", DevicesChanged.class);
    }
}
