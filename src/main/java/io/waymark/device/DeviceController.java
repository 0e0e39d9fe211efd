package io.waymark.device;

import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/devices} and {@code GET /api/v1/devices/{user}/{device}}: only what the viewer may see. */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    private final DeviceQueries devices;

    DeviceController(DeviceQueries devices) {
        this.devices = devices;
    }

    @GetMapping
    List<DeviceView> devices(Viewer viewer, @RequestParam(required = false) String user,
            @RequestParam(required = false) @Pattern(regexp = "online|offline",
                    message = "must be 'online' or 'offline'") String state) {
        return devices.devices(viewer, user, state);
    }

    @GetMapping("/{user}/{device}")
    DeviceView device(Viewer viewer, @PathVariable String user, @PathVariable String device) {
        DeviceId id = new DeviceId(user, device);
        return devices.device(viewer, id).orElseThrow(() -> new UnknownDeviceException(id));
    }
}
