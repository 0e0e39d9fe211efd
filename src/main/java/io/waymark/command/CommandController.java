package io.waymark.command;

import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceQueries;
import io.waymark.device.UnknownDeviceException;
import io.waymark.owntracks.DeviceId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/devices/{user}/{device}/commands}: send a command to a device, list its commands. */
@RestController
@RequestMapping("/api/v1/devices/{user}/{device}/commands")
@Validated
class CommandController {

    private final CommandSender sender;

    private final CommandStore store;

    private final DeviceQueries devices;

    private final JsonMapper json;

    CommandController(CommandSender sender, CommandStore store, DeviceQueries devices, JsonMapper json) {
        this.sender = sender;
        this.store = store;
        this.devices = devices;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<CommandView> send(@PathVariable String user, @PathVariable String device,
            @Valid @RequestBody CommandRequest request, Viewer viewer) {
        viewer.requireSelfOrAdmin(user, () -> new UnknownDeviceException(new DeviceId(user, device)));
        DeviceId id = devices.known(viewer, user, device);
        String cmd;
        try {
            cmd = CommandMessages.cmd(json, request.action(), request.waypoints(), request.configuration());
        }
        catch (IllegalArgumentException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, request.action() + ": " + ex.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(sender.send(id, request.action(), cmd));
    }

    @GetMapping
    List<CommandView> commands(@PathVariable String user, @PathVariable String device, Viewer viewer) {
        viewer.requireSelfOrAdmin(user, () -> new UnknownDeviceException(new DeviceId(user, device)));
        return store.all(devices.known(viewer, user, device));
    }

    record CommandRequest(
            @NotNull @Pattern(regexp = "reportLocation|dump|status|clearWaypoints|setWaypoints|setConfiguration",
                    message = "must be reportLocation, dump, status, clearWaypoints, setWaypoints or setConfiguration")
            String action,
            JsonNode waypoints, JsonNode configuration) {
    }
}
