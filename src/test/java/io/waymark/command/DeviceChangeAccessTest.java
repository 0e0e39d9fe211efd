package io.waymark.command;

import io.waymark.support.Api.Response;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands and cards change a device: only its user or an admin may send them. A friend who sees
 * the device (mode {@code all}: everyone) is refused with 403.
 */
class DeviceChangeAccessTest extends EmbeddedWaymarkTest {

    private static final String COMMAND = "{\"action\":\"reportLocation\"}";

    private static final String CARD = "{\"name\":\"Olga\"}";

    @Test
    void onlyTheOwnerOrAnAdminSendsCommandsAndCards() {
        assertThat(api().pub("olga", "phone", Phone.location(1, 1, Phone.now())).status()).isEqualTo(200);

        Response foreign = api().createUser("oscar").send("POST", "/api/v1/devices/olga/phone/commands", COMMAND);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api().createUser("oscar").send("GET", "/api/v1/devices/olga/phone/commands", null).status()).isEqualTo(403);
        assertThat(api().createUser("oscar").send("PUT", "/api/v1/devices/olga/phone/card", CARD).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/devices/olga/phone/commands")).as("nothing was queued").isEmpty();

        assertThat(api().createUser("olga").send("POST", "/api/v1/devices/olga/phone/commands", COMMAND).status())
            .isEqualTo(202);
        assertThat(api().send("POST", "/api/v1/devices/olga/phone/commands", COMMAND).status()).as("admin")
            .isEqualTo(202);
        assertThat(api().createUser("olga").send("PUT", "/api/v1/devices/olga/phone/card", CARD).status()).isEqualTo(204);
        assertThat(api().anonymous().send("POST", "/api/v1/devices/olga/phone/commands", COMMAND).status())
            .isEqualTo(401);
    }
}
