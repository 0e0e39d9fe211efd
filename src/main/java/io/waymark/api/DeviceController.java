package io.waymark.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.waymark.owntracks.DeviceId;
import io.waymark.presence.PresenceEventRecord;
import io.waymark.presence.PresenceHistory;
import io.waymark.tracking.TrackingQueries;
import io.waymark.tracking.TransitionRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final int MAX_LIMIT = 100_000;

    private final TrackingQueries tracking;

    private final PresenceHistory presence;

    private final Clock clock;

    DeviceController(TrackingQueries tracking, PresenceHistory presence, Clock clock) {
        this.tracking = tracking;
        this.presence = presence;
        this.clock = clock;
    }

    @GetMapping
    List<DeviceView> devices(@RequestParam(required = false) String user, @RequestParam(required = false) String state) {
        if (state != null && !state.equals("online") && !state.equals("offline")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'state' must be 'online' or 'offline', got '" + state + "'");
        }
        return tracking.devices(user, state).stream().map(DeviceView::of).toList();
    }

    @GetMapping("/{user}/{device}")
    DeviceView device(@PathVariable String user, @PathVariable String device) {
        return tracking.device(known(user, device)).map(DeviceView::of).orElseThrow();
    }

    @GetMapping("/{user}/{device}/locations")
    List<LocationView> locations(@PathVariable String user, @PathVariable String device,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit) {
        Instant end = RequestParameters.parse("to", to, clock.instant());
        Instant start = RequestParameters.parse("from", from, end.minus(DEFAULT_WINDOW));
        Integer max = RequestParameters.positiveInt("limit", limit, MAX_LIMIT);
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        return tracking.locations(known(user, device), start.getEpochSecond(), end.getEpochSecond(), max).stream()
            .map(LocationView::of)
            .toList();
    }

    @GetMapping("/{user}/{device}/presence")
    List<PresenceEventRecord> presence(@PathVariable String user, @PathVariable String device,
            @RequestParam(required = false) String limit) {
        Integer max = RequestParameters.positiveInt("limit", limit, MAX_LIMIT);
        return presence.events(known(user, device), max == null ? 1000 : max);
    }

    @GetMapping("/{user}/{device}/transitions")
    List<TransitionRecord> transitions(@PathVariable String user, @PathVariable String device,
            @RequestParam(required = false) String limit) {
        Integer max = RequestParameters.positiveInt("limit", limit, MAX_LIMIT);
        return tracking.transitions(known(user, device), max == null ? 1000 : max);
    }

    private DeviceId known(String user, String device) {
        DeviceId id = new DeviceId(user, device);
        if (tracking.device(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "device '" + id + "' is unknown");
        }
        return id;
    }
}
