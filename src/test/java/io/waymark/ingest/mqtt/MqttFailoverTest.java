package io.waymark.ingest.mqtt;

import java.time.Duration;
import java.util.Map;

import io.waymark.support.FreePorts;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.WaymarkApp;
import org.junit.jupiter.api.Test;

import static io.waymark.ingest.mqtt.MqttBrokerFixtures.awaitMqttUp;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.lastTst;
import static io.waymark.ingest.mqtt.MqttBrokerFixtures.startWaymark;
import static org.awaitility.Awaitility.await;

/** {@code waymark.mqtt.url} as a list: Waymark fails over to the next broker that answers. */
class MqttFailoverTest {

    @Test
    void connectsToTheNextUrlWhenTheFirstBrokerIsDown() throws Exception {
        MosquittoProcess.requireInstalled();
        int deadPort = FreePorts.next();
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().start();
                WaymarkApp waymark = startWaymark(Map.of("waymark.mqtt.url",
                        "tcp://127.0.0.1:" + deadPort + "," + mosquitto.url(), "waymark.mqtt.client-id", "waymark-failover"))) {
            awaitMqttUp(waymark.api());
            long tst = Phone.now();
            try (Phone phone = Phone.connect(mosquitto.url(), "failover", "phone")) {
                phone.publishLocation(1, 2, tst);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> lastTst(waymark.api(), "failover", "phone") == tst);
        }
    }
}
