package io.waymark.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.stream.LongStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.HeldDatabase;
import io.waymark.support.InFlightPublisher;
import io.waymark.support.Phone;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the embedded broker does for phones besides ingestion: acknowledges only what is stored,
 * delivers to subscribers (the apps' friends view) and replays retained messages.
 */
class EmbeddedBrokerDeliveryTest extends EmbeddedWaymarkTest {

    @Autowired
    BrokerPublisher publisher;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void qos1PubackComesOnlyOnceTheLocationIsStored() throws Exception {
        long tst = Phone.now() - 1000;
        try (Phone phone = phone("acker", "phone")) {
            for (int i = 0; i < 20; i++) {
                phone.publishLocation(10 + i, 20, tst + i); // returns when the PUBACK is in
                // no waiting: acknowledged means queryable
                assertThat(api().device("acker", "phone").get("location").get("tst").asLong()).isEqualTo(tst + i);
            }
        }
    }

    @Test
    void messagesSentWhileAPubackWaitsAreStoredTogetherAndEachPubackWaitsForItsCommit() {
        long tst = Phone.now() - 2000;
        HeldDatabase database = new HeldDatabase(dataSource);
        try (InFlightPublisher phone = inFlightPhone("window", tst, database.locationStored("window", "phone"))) {
            double received = receivedLocations();
            long[] window = LongStream.rangeClosed(2, 11).map(i -> tst + i).toArray();
            double batches;
            try (HeldDatabase.Hold hold = database.hold()) {
                phone.publish(tst + 1);
                await().atMost(Duration.ofSeconds(15)).until(() -> receivedLocations() > received);
                batches = commits(); // the batch with tst + 1 waits for the database
                phone.publish(window);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> phone.pubacks().size() == 2 + window.length);
            assertThat(phone.pubacks()).allSatisfy(puback -> assertThat(puback.storedBefore())
                .as("location %d stored before its PUBACK", puback.tst())
                .isTrue());
            // the ten did not wait for each other's commits (that would be one batch each)
            assertThat(commits() - batches).isLessThan(1 + window.length);
        }
        assertThat(api().get("/api/v1/devices/window/phone/locations?from=" + tst)).hasSize(12);
    }

    private double commits() {
        return meters.get("waymark.ingest.batch.size").summary().count();
    }

    private double receivedLocations() {
        return meters.get("waymark.messages.received").tag("type", "location").counter().count();
    }

    @Test
    void qos2PubrecComesOnlyOnceTheLocationIsStored() throws Exception {
        long tst = Phone.now() - 1000;
        try (MqttClient client = new MqttClient(brokerUrl(), "acker2-phone", new MemoryPersistence())) {
            client.connect(Phone.loginOptions("acker2", login("acker2")));
            for (int i = 0; i < 10; i++) {
                MqttMessage message = new MqttMessage(Phone.location(30, 40 + i, tst + i).getBytes(StandardCharsets.UTF_8));
                message.setQos(2);
                client.publish("owntracks/acker2/phone", message);
                assertThat(api().device("acker2", "phone").get("location").get("tst").asLong()).isEqualTo(tst + i);
            }
            client.disconnect();
        }
    }

    @Test
    void aFriendSubscribedToAllDevicesReceivesAPhonesLocation() throws Exception {
        long tst = Phone.now() - 10;
        try (Phone friend = Phone.listeningAs(brokerUrl(), "friend",
                login("friend"), "owntracks/+/+");
                Phone phone = phone("friendly", "phone")) {
            phone.publishLocation(51.5, -0.1, tst);
            Phone.Received received = friend.nextOn("owntracks/friendly/phone", Duration.ofSeconds(10));
            assertThat(received).isNotNull();
            assertThat(received.retained()).isFalse();
            assertThat(received.payload()).contains("\"lat\":51.5").contains("\"tst\":" + tst);
        }
    }

    @Test
    void retainedLocationIsReplayedToALaterSubscriberAndStoredOnce() throws Exception {
        long tst = Phone.now() - 20;
        try (MqttClient phone = new MqttClient(brokerUrl(), "keeper-phone", new MemoryPersistence())) {
            phone.connect(Phone.loginOptions("keeper", login("keeper")));
            MqttMessage message = new MqttMessage(Phone.location(1.25, 2.5, tst).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            message.setRetained(true);
            phone.publish("owntracks/keeper/phone", message);
            phone.disconnect();
        }
        try (Phone latecomer = Phone.listeningAs(brokerUrl(), "latecomer",
                login("latecomer"), "owntracks/keeper/+")) {
            Phone.Received replay = latecomer.nextOn("owntracks/keeper/phone", Duration.ofSeconds(10));
            assertThat(replay).isNotNull();
            assertThat(replay.retained()).isTrue();
            assertThat(replay.payload()).contains("\"tst\":" + tst);
        }
        JsonNode history = api().get("/api/v1/devices/keeper/phone/locations");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("lat").asDouble()).isEqualTo(1.25);
    }

    @Test
    void whatWaymarkPublishesReachesSubscribersButIsNotIngested() throws Exception {
        long tst = Phone.now() - 30;
        try (Phone phone = Phone.listeningAs(brokerUrl(), "own",
                login("own"), "owntracks/own/+/cmd")) {
            publisher.publish("owntracks/own/phone/cmd", "{\"_type\":\"cmd\",\"action\":\"reportLocation\"}"
                .getBytes(StandardCharsets.UTF_8), 1, false).get();
            publisher.publish("owntracks/own/phone", Phone.location(5, 5, tst).getBytes(StandardCharsets.UTF_8), 1, false)
                .get();
            Phone.Received command = phone.nextOn("owntracks/own/phone/cmd", Duration.ofSeconds(10));
            assertThat(command).isNotNull();
            assertThat(command.payload()).contains("reportLocation");
        }
        // a phone's message published after Waymark's own is stored; Waymark's own is not
        try (Phone other = phone("own", "other")) {
            other.publishLocation(6, 6, tst);
        }
        assertThat(api().device("own", "other")).isNotNull();
        assertThat(api().device("own", "phone")).isNull();
    }

    @Test
    void reconnectingWithTheSameClientIdKeepsTheDeviceOnline() {
        Phone first = phone("same-id", "same", "phone", 60, true);
        first.publishLocation(1, 1, Phone.now());
        try (Phone second = phone("same-id", "same", "phone", 60, true)) {
            // the broker closed the first connection (a takeover); the device is still connected
            second.publishLocation(2, 2, Phone.now() + 1);
            assertThat(api().device("same", "phone").get("presence").get("state").asString()).isEqualTo("online");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> "online".equals(api().device("same", "phone").get("presence").get("state").asString()));
        }
        first.dropConnection();
    }

    @Test
    void healthShowsTheBrokerUpAndNoMqttClient() {
        JsonNode health = api().get("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("broker").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("broker").get("details").get("port").asInt()).isEqualTo(broker.port());
        assertThat(health.get("components").has("mqtt")).as("no Paho client without waymark.mqtt.url").isFalse();
    }
}
