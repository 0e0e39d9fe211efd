package io.waymark.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the page needs to know before it draws the map. */
@RestController
class DashboardConfigController {

    private final DashboardProperties properties;

    DashboardConfigController(DashboardProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/v1/dashboard/config")
    DashboardConfig config() {
        return new DashboardConfig(properties.tileUrl(), properties.tileAttribution());
    }

    record DashboardConfig(String tileUrl, String tileAttribution) {
    }
}
