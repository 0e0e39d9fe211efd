package io.waymark.presence;

import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceQueries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/devices/{user}/{device}/presence}: a device's presence changes, newest first. */
@RestController
class PresenceController {

    private final PresenceHistory history;

    private final DeviceQueries devices;

    PresenceController(PresenceHistory history, DeviceQueries devices) {
        this.history = history;
        this.devices = devices;
    }

    @GetMapping("/api/v1/devices/{user}/{device}/presence")
    List<PresenceEventView> presence(Viewer viewer, @PathVariable String user, @PathVariable String device,
            @RequestParam(defaultValue = "1000") @Positive @Max(100_000) int limit) {
        return history.events(devices.known(viewer, user, device), limit);
    }
}
