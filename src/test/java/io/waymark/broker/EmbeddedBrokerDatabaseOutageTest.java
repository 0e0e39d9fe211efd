package io.waymark.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.HeldDatabase;
import io.waymark.support.InFlightPublisher;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stops answering while a phone has messages in flight: no PUBACK for what was not
 * stored; the broker closes the connection after the commit timeout, and the phone's resent
 * messages (same packet identifiers, a new connection) are acknowledged once stored, once each.
 */
@TestPropertySource(properties = "waymark.broker.commit-timeout=2s")
class EmbeddedBrokerDatabaseOutageTest extends EmbeddedWaymarkTest {

    @Autowired
    DataSource dataSource;

    @Test
    void messagesNotStoredInTimeAreNeverAcknowledgedAndAreStoredOnceWhenResent() {
        long tst = Phone.now() - 3000;
        HeldDatabase database = new HeldDatabase(dataSource);
        try (InFlightPublisher phone = inFlightPhone("outage", tst, database.locationStored("outage", "phone"))) {
            try (HeldDatabase.Hold hold = database.hold()) {
                phone.publish(tst + 1, tst + 2, tst + 3);
                await().atMost(Duration.ofSeconds(30)).until(() -> !phone.isConnected());
            }
            assertThat(phone.pubacks()).as("only the message stored before the outage is acknowledged").hasSize(1);
            Map<Integer, Long> unacknowledged = new HashMap<>(phone.published());
            unacknowledged.remove(phone.pubacks().get(0).packetId());

            phone.reconnect();
            await().atMost(Duration.ofSeconds(15)).until(() -> phone.pubacks().size() == 4);
            assertThat(phone.pubacks().subList(1, 4)).allSatisfy(puback -> {
                assertThat(puback.storedBefore()).as("location %d stored before its PUBACK", puback.tst()).isTrue();
                assertThat(unacknowledged).containsEntry(puback.packetId(), puback.tst());
            });
        }
        JsonNode history = api().get("/api/v1/devices/outage/phone/locations?from=" + tst);
        assertThat(history).extracting(location -> location.get("tst").asLong())
            .containsExactlyInAnyOrder(tst, tst + 1, tst + 2, tst + 3);
    }
}
