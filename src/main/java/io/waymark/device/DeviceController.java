package io.waymark.device;

import java.io.IOException;
import java.util.Base64;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/devices}, {@code GET /api/v1/devices/{user}/{device}} and its card's {@code face}: only what the viewer may see. */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    private final DeviceQueries devices;

    private final DeviceListCache list;

    DeviceController(DeviceQueries devices, DeviceListCache list) {
        this.devices = devices;
        this.list = list;
    }

    /**
     * The devices the viewer may see, by user and device: the JSON of {@code List<DeviceView>}, the
     * cached entries ({@link DeviceListCache}) written straight to the response instead of read
     * and serialized, or joined, per request.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = DeviceView.class))))
    void devices(Viewer viewer, @RequestParam(required = false) String user,
            @RequestParam(required = false) @Pattern(regexp = "online|offline",
                    message = "must be 'online' or 'offline'") String state, HttpServletResponse response)
            throws IOException {
        JsonArrayBytes answer = list.current().answer(viewer, user, state);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLengthLong(answer.length());
        answer.writeTo(response.getOutputStream());
    }

    @GetMapping("/{user}/{device}")
    DeviceView device(Viewer viewer, @PathVariable String user, @PathVariable String device) {
        DeviceId id = new DeviceId(user, device);
        return devices.device(viewer, id).orElseThrow(() -> new UnknownDeviceException(id));
    }

    /** The picture of the device's card, decoded from the base64 the app (or the API) sent. */
    @GetMapping(value = "/{user}/{device}/face", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> face(Viewer viewer, @PathVariable String user, @PathVariable String device) {
        DeviceId id = devices.known(viewer, user, device);
        byte[] png;
        try {
            png = devices.face(id).map(f -> Base64.getMimeDecoder().decode(f)).orElse(null);
        }
        catch (IllegalArgumentException ex) {
            png = null; // a phone's garbled face is no picture
        }
        if (png == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "device '" + id + "' has no face");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }
}
