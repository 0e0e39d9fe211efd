package io.waymark.friends;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceRegistry;
import io.waymark.device.UnknownDeviceException;
import io.waymark.owntracks.Card;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.ReceivedMessage;
import io.waymark.owntracks.Transport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /api/v1/devices/{user}/{device}/card}: a card stored as if the device had sent it
 * (name, face), and republished for MQTT phones. Not a sign of life of the device.
 */
@RestController
@Validated
class CardController {

    private static final String NAME = "[^/#+\\s][^/#+]{0,127}";

    private final DeviceRegistry devices;

    private final TransactionOperations transactions;

    private final JsonMapper json;

    private final Clock clock;

    CardController(DeviceRegistry devices, TransactionOperations transactions, JsonMapper json, Clock clock) {
        this.devices = devices;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @PutMapping("/api/v1/devices/{user}/{device}/card")
    ResponseEntity<Void> put(@PathVariable @Pattern(regexp = NAME, message = "not a user name") String user,
            @PathVariable @Pattern(regexp = NAME, message = "not a device name") String device,
            @Valid @RequestBody CardRequest request, Viewer viewer) {
        viewer.requireSelfOrAdmin(user, () -> new UnknownDeviceException(new DeviceId(user, device)));
        if (request.name() == null && request.face() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a card needs 'name' or 'face'");
        }
        String face = request.face() == null ? null : request.face().replaceAll("\\s", "");
        if (face != null) {
            try {
                Base64.getDecoder().decode(face);
            }
            catch (IllegalArgumentException ex) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'face' is not base64: " + ex.getMessage());
            }
        }
        DeviceId id = new DeviceId(user, device);
        ObjectNode card = json.createObjectNode().put("_type", "card");
        if (request.name() != null) {
            card.put("name", request.name());
        }
        if (face != null) {
            card.put("face", face);
        }
        byte[] payload = json.writeValueAsString(card).getBytes(StandardCharsets.UTF_8);
        ReceivedMessage message = new ReceivedMessage(id, new Card(request.name(), null, face),
                "owntracks/" + user + "/" + device + "/info", payload, clock.instant(), false, Transport.API, false);
        transactions.executeWithoutResult(tx -> devices.record(List.of(message)));
        return ResponseEntity.noContent().build();
    }

    /** @param face a base64 picture (PNG, as the apps send) */
    record CardRequest(@Size(max = 255) String name, @Size(max = 700_000) String face) {
    }
}
