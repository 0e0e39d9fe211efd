package io.waymark.broker;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.HeldDatabase;
import io.waymark.support.InFlightPublisher;
import io.waymark.support.Phone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PUBACK waiting for its commit holds back no later PUBLISH of the same client (the
 * {@link PubackGate}; HiveMQ's PUBACK interceptor would hold back the client's later PUBLISHes
 * behind it): while the database does not answer, every message the phone sends reaches the
 * writer's queue, none is acknowledged; then all are, in order, each after its commit.
 */
class EmbeddedBrokerPubackGateTest extends EmbeddedWaymarkTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void aHeldPubackHoldsBackNoLaterPublish() {
        long tst = Phone.now() - 3000;
        HeldDatabase database = new HeldDatabase(dataSource);
        try (InFlightPublisher phone = inFlightPhone("gated", tst, database.locationStored("gated", "phone"))) {
            double before = received();
            try (HeldDatabase.Hold hold = database.hold()) {
                phone.publish(tst + 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> received() == before + 1);
                // its PUBACK now waits for a commit that the held database keeps from coming
                phone.publish(tst + 2, tst + 3, tst + 4, tst + 5, tst + 6, tst + 7, tst + 8);
                await().atMost(Duration.ofSeconds(10)).until(() -> received() == before + 8);
                assertThat(phone.pubacks()).as("only the message stored before the hold").hasSize(1);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> phone.pubacks().size() == 9);
            List<InFlightPublisher.Puback> pubacks = phone.pubacks();
            assertThat(pubacks).extracting(InFlightPublisher.Puback::tst)
                .containsExactly(tst, tst + 1, tst + 2, tst + 3, tst + 4, tst + 5, tst + 6, tst + 7, tst + 8);
            assertThat(pubacks).allSatisfy(puback -> assertThat(puback.storedBefore())
                .as("location %d stored before its PUBACK", puback.tst()).isTrue());
        }
    }

    private double received() {
        return meters.get("waymark.messages.received").tag("type", "location").counter().count();
    }
}
