package io.waymark.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.waymark.support.Api;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.PostgresDatabase;
import io.waymark.support.WaymarkJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Waymark instances, each in a JVM of its own, in one shared-subscription group on one
 * Mosquitto and one PostgreSQL schema: they behave as one. The broker hands each instance every
 * other message, so with a timeout of 8 s and a phone publishing every 5.6 s neither instance
 * alone hears the phone often enough; only what the cluster heard keeps it online.
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterTest {

    /** Long enough that a loaded 2-core CI machine's delays (a message's way to its commit) stay well inside the margin. */
    static final Duration TIMEOUT = Duration.ofSeconds(8);

    /** The default sweep interval for this timeout: a tenth of it. */
    static final Duration SWEEP = Duration.ofMillis(800);

    /** Room for the message's way from broker to commit, and the poll, on a busy machine. */
    static final Duration SLACK = Duration.ofSeconds(2);

    @TempDir
    static Path logs;

    static PostgresDatabase database;

    static MosquittoProcess broker;

    static WaymarkJvm first;

    static WaymarkJvm second;

    static StreamRecorder firstStream;

    static StreamRecorder secondStream;

    @BeforeAll
    static void startCluster() {
        MosquittoProcess.requireInstalled();
        database = PostgresDatabase.create();
        broker = MosquittoProcess.builder().persistence(true).start();
        CompletableFuture<WaymarkJvm> starting = CompletableFuture.supplyAsync(() -> start("waymark-a"));
        second = start("waymark-b");
        first = starting.join();
        awaitMqttUp(first.api());
        awaitMqttUp(second.api());
        firstStream = StreamRecorder.open(port(first));
        secondStream = StreamRecorder.open(port(second));
        await("both streams open").atMost(Duration.ofSeconds(10))
            .until(() -> firstStream.isOpen() && secondStream.isOpen());
    }

    @AfterAll
    static void stopCluster() throws SQLException {
        for (AutoCloseable closeable : new AutoCloseable[] { firstStream, secondStream, first, second, broker }) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            }
            catch (Exception ex) {
                // closing the rest matters more
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void aPhonePublishingEverySevenTenthsOfTheTimeoutStaysOnlineThenTimesOutOnce() throws Exception {
        Duration period = TIMEOUT.multipliedBy(7).dividedBy(10);
        double receivedBefore = received(first.api()) + received(second.api());
        List<String> seen = new ArrayList<>();
        long tst = Phone.now();
        try (Phone phone = Phone.publisher(broker.url(), "steady-phone")) {
            for (int i = 0; i < 4; i++) {
                phone.publishLocation("steady", "phone", 50, 8, tst + i);
                if (i == 0) {
                    await("online on both").atMost(SLACK)
                        .until(() -> "online".equals(state(first.api())) && "online".equals(state(second.api())));
                }
                long next = System.nanoTime() + period.toNanos();
                await().atMost(period.plus(SLACK)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    seen.add(state(first.api()));
                    seen.add(state(second.api()));
                    return System.nanoTime() >= next;
                });
            }
        }
        assertThat(seen).as("what both instances showed while the phone published").containsOnly("online");
        assertThat(received(first.api()) + received(second.api()) - receivedBefore).isEqualTo(4);
        assertThat(received(first.api())).as("the broker split the phone's messages").isPositive();
        assertThat(received(second.api())).as("the broker split the phone's messages").isPositive();

        await("offline on both").atMost(TIMEOUT.plus(SWEEP).plus(SLACK)).pollInterval(Duration.ofMillis(100))
            .until(() -> "offline".equals(state(first.api())) && "offline".equals(state(second.api())));
        JsonNode presence = first.api().device("steady", "phone").get("presence");
        assertThat(presence.get("reason").asString()).isEqualTo("timeout");
        Duration silence = Duration.between(Instant.parse(presence.get("lastSeen").asString()),
                Instant.parse(presence.get("since").asString()));
        assertThat(silence).isBetween(TIMEOUT, TIMEOUT.plus(SWEEP).plus(Duration.ofMillis(300)));
        assertThat(presenceEvents("steady", "phone")).containsExactly("online/message", "offline/timeout");
        await("both streams carried the change once").atMost(SLACK).untilAsserted(() -> {
            assertThat(firstStream.presence("steady", "phone")).containsExactly("online/message", "offline/timeout");
            assertThat(secondStream.presence("steady", "phone")).containsExactly("online/message", "offline/timeout");
        });
    }

    @Test
    @Order(2)
    void aWillReceivedByEitherInstanceMarksTheDeviceOfflineOnBoth() throws Exception {
        int devices = 4;
        List<Phone> phones = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            phones.add(Phone.connect(broker.url(), "will", "phone" + d, 60, true).publishLocation(50, 8, Phone.now()));
        }
        for (int d = 0; d < devices; d++) {
            String device = "phone" + d;
            await(device + " online").atMost(SLACK).until(() -> "online".equals(state(first.api(), "will", device)));
        }
        double firstBefore = received(first.api());
        double secondBefore = received(second.api());
        phones.forEach(Phone::dropConnection);
        for (int d = 0; d < devices; d++) {
            String device = "phone" + d;
            await(device + " offline on both streams").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(firstStream.presence("will", device)).containsExactly("online/message", "offline/lwt");
                assertThat(secondStream.presence("will", device)).containsExactly("online/message", "offline/lwt");
            });
            assertThat(state(first.api(), "will", device)).isEqualTo("offline");
            assertThat(state(second.api(), "will", device)).isEqualTo("offline");
            assertThat(presenceEvents("will", device)).containsExactly("online/message", "offline/lwt");
        }
        assertThat(received(first.api()) - firstBefore).as("wills received by the first").isPositive();
        assertThat(received(second.api()) - secondBefore).as("wills received by the second").isPositive();
    }

    @Test
    @Order(3)
    void eachInstancesStreamCarriesTheLocationsOfAllDevices() throws Exception {
        long tst = Phone.now();
        double firstBefore = received(first.api());
        double secondBefore = received(second.api());
        List<String> expected = new ArrayList<>();
        try (Phone phones = Phone.publisher(broker.url(), "stream-phones")) {
            for (int d = 0; d < 10; d++) {
                phones.publishLocation("stream", "phone" + d, 50, d, tst);
                expected.add("stream/phone" + d + "/" + tst);
            }
        }
        await("all ten on both streams").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(firstStream.locations()).filteredOn(l -> l.startsWith("stream/"))
                .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(secondStream.locations()).filteredOn(l -> l.startsWith("stream/"))
                .containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(received(first.api()) - firstBefore).as("stored by the first").isPositive();
        assertThat(received(second.api()) - secondBefore).as("stored by the second").isPositive();
    }

    @Test
    @Order(4)
    void bothInstancesAnswerTheSamePresenceForEveryDevice() {
        JsonNode fromFirst = first.api().get("/api/v1/devices");
        JsonNode fromSecond = second.api().get("/api/v1/devices");
        Map<String, String> presence = new HashMap<>();
        fromFirst.forEach(d -> presence.put(d.get("user").asString() + "/" + d.get("device").asString(),
                d.get("presence").get("state").asString() + "/" + d.get("presence").get("reason").asString()));
        assertThat(presence).hasSize(1 + 4 + 10)
            .containsEntry("steady/phone", "offline/timeout")
            .containsEntry("will/phone0", "offline/lwt")
            .containsEntry("stream/phone9", "online/message");
        assertThat(fromSecond).isEqualTo(fromFirst);
    }

    @Test
    @Order(5)
    void oneInstanceKilledMidStreamTheOtherGoesOnNothingLostNothingTwice() throws Exception {
        int devices = 5;
        int perDevice = 3000; // long enough a stream for the kill to cut it, at batch-insert speed
        long tst = Phone.now() - 100_000;
        double firstBefore = stored(first.api());
        double secondBefore = stored(second.api());
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            try (Phone phones = Phone.publisher(broker.url(), "crash-phones")) {
                for (int i = 0; i < perDevice; i++) {
                    for (int d = 0; d < devices; d++) {
                        phones.publishLocation("crash", "phone" + d, 50 + i * 0.0001, d, tst + i);
                    }
                }
            }
        });
        await("both storing").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
            .until(() -> stored(first.api()) > firstBefore + 200 && stored(second.api()) > secondBefore + 200);
        second.kill();
        double storedAtKill = stored(first.api());
        assertThat(rows("crash")).as("killed in the middle of the stream").isLessThan(devices * perDevice);
        publishing.get(60, TimeUnit.SECONDS);
        Instant published = Instant.now();
        await("the survivor goes on").atMost(Duration.ofSeconds(30))
            .until(() -> stored(first.api()) > storedAtKill && rows("crash") > 0);
        assertThat(firstStream.locations()).as("its stream goes on").filteredOn(l -> l.startsWith("crash/")).isNotEmpty();

        // the killed one's session kept what the broker had handed it; it gets it back when it returns
        second = start("waymark-b");
        await("all stored once").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .until(() -> rows("crash") >= devices * perDevice);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT (device_name, tst))"
                        + " FROM location WHERE user_name = 'crash'")) {
            counts.next();
            assertThat(counts.getLong(1)).isEqualTo(devices * perDevice);
            assertThat(counts.getLong(2)).isEqualTo(devices * perDevice);
        }
        for (int d = 0; d < devices; d++) {
            assertThat(first.api().device("crash", "phone" + d).get("location").get("tst").asLong())
                .isEqualTo(tst + perDevice - 1);
            // online from the first message to the last, though one instance died; silent since, so timed out
            assertThat(presenceEvents("crash", "phone" + d)).startsWith("online/message");
            assertThat(presenceEvents("crash", "phone" + d, published)).containsExactly("online/message");
        }
        assertThat(second.api().get("/api/v1/devices")).isEqualTo(first.api().get("/api/v1/devices"));
    }

    /** An instance remembers which device rows exist; a user erased on the other must make it forget. */
    @Test
    @Order(6)
    void aUserErasedOnOneInstanceIsListedAgainWhenItsPhonePostsToTheOther() {
        long tst = Phone.now() - 1000;
        assertThat(first.api().pub("erased", "phone", Phone.location(46.5, 6.6, tst)).status()).isEqualTo(200);
        assertThat(first.api().device("erased", "phone")).isNotNull();

        assertThat(second.api().send("DELETE", "/api/v1/users/erased?erase=true", null).status()).isEqualTo(204);
        await("the first instance hears of the erase").atMost(Duration.ofSeconds(10))
            .until(() -> first.api().device("erased", "phone") == null);

        assertThat(first.api().pub("erased", "phone", Phone.location(46.6, 6.7, tst + 1)).status()).isEqualTo(200);
        for (WaymarkJvm instance : List.of(first, second)) {
            JsonNode device = await("listed again").atMost(Duration.ofSeconds(10))
                .until(() -> instance.api().device("erased", "phone"), found -> found != null);
            assertThat(device.get("location").get("tst").asLong()).isEqualTo(tst + 1);
            assertThat(device.get("presence").get("state").asString()).isEqualTo("online");
        }
    }

    private static WaymarkJvm start(String clientId) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("spring.profiles.active", "postgres");
        properties.put("waymark.broker.enabled", "false");
        properties.put("waymark.mqtt.url", broker.url());
        properties.put("waymark.mqtt.client-id", clientId);
        properties.put("waymark.mqtt.connect-timeout", "5s");
        properties.put("waymark.mqtt.shared-subscription-group", "wm");
        properties.put("waymark.presence.timeout", TIMEOUT.toMillis() + "ms");
        WaymarkJvm waymark = WaymarkJvm.start(properties, logs.resolve(clientId + ".log"));
        awaitMqttUp(waymark.api());
        return waymark;
    }

    private static void awaitMqttUp(Api api) {
        await("mqtt up").atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(
                api.call("/actuator/health").json().get("components").get("mqtt").get("status").asString()));
    }

    private static int port(WaymarkJvm waymark) {
        return waymark.port();
    }

    private static String state(Api api) {
        return state(api, "steady", "phone");
    }

    private static String state(Api api, String user, String device) {
        JsonNode found = api.device(user, device);
        return found == null ? "unknown" : found.get("presence").get("state").asString();
    }

    private static double received(Api api) {
        return api.counter("waymark.messages.received", null);
    }

    private static double stored(Api api) {
        return api.counter("waymark.messages.stored", null);
    }

    /** The device's presence_event rows, oldest first, as {@code state/reason}. */
    private static List<String> presenceEvents(String user, String device) throws SQLException {
        return presenceEvents(user, device, Instant.now().plusSeconds(3600));
    }

    /** Those recorded up to {@code until}. */
    private static List<String> presenceEvents(String user, String device, Instant until) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT state, reason FROM presence_event WHERE user_name = ? AND device_name = ? AND at <= ?"
                        + " ORDER BY at, id")) {
            statement.setString(1, user);
            statement.setString(2, device);
            statement.setTimestamp(3, java.sql.Timestamp.from(until));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + "/" + rows.getString(2));
                }
            }
        }
        return events;
    }

    private static long rows(String user) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM location WHERE user_name = ?")) {
            statement.setString(1, user);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
