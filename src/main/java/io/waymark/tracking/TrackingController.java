package io.waymark.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceQueries;
import io.waymark.device.LocationView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A device's location history, region transitions and regions (waypoints). */
@RestController
@RequestMapping("/api/v1/devices/{user}/{device}")
class TrackingController {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final int MAX_LIMIT = 100_000;

    private final TrackingQueries tracking;

    private final DeviceQueries devices;

    private final Clock clock;

    TrackingController(TrackingQueries tracking, DeviceQueries devices, Clock clock) {
        this.tracking = tracking;
        this.devices = devices;
        this.clock = clock;
    }

    /** {@code from}/{@code to}: ISO-8601 or epoch seconds; by default the last 24 hours. */
    @GetMapping("/locations")
    List<LocationView> locations(Viewer viewer, @PathVariable String user, @PathVariable String device,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Positive @Max(MAX_LIMIT) Integer limit) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(DEFAULT_WINDOW);
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        return tracking.locations(devices.known(viewer, user, device), start.getEpochSecond(), end.getEpochSecond(), limit);
    }

    @GetMapping("/transitions")
    List<TransitionView> transitions(Viewer viewer, @PathVariable String user, @PathVariable String device,
            @RequestParam(defaultValue = "1000") @Positive @Max(MAX_LIMIT) int limit) {
        return tracking.transitions(devices.known(viewer, user, device), limit);
    }

    @GetMapping("/waypoints")
    List<WaypointView> waypoints(Viewer viewer, @PathVariable String user, @PathVariable String device) {
        return tracking.waypoints(devices.known(viewer, user, device));
    }
}
