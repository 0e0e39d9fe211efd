package io.waymark.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.waymark.support.Api;
import io.waymark.support.FreePorts;
import io.waymark.support.H2Files;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import io.waymark.support.WaymarkJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default set-up, crashed for real: ten phones stream QoS 1 locations into the embedded
 * broker, Waymark (a JVM of its own) is killed with SIGKILL in the middle and started again
 * while the phones reconnect and send again what had no PUBACK. Waymark must come back healthy,
 * and every location a phone got a PUBACK for must be stored, exactly once.
 * <p>
 * The phones are {@code mosquitto_pub -l -d}: one message per input line, and a
 * {@code received PUBACK (Mid: N} line for each acknowledged one (Mid N is line N).
 * <p>
 * The phones connect without logging in ({@link #ANONYMOUS_PHONES}): in the second test they
 * are already connecting before the Waymark that could hold their users exists, and this test
 * is about crashes, not logins (BrokerAclTest is about those).
 */
class EmbeddedBrokerCrashTest {

    static final String ANONYMOUS_PHONES = "waymark.broker.allow-anonymous";

    static final int PHONES = 10;

    static final int PER_PHONE = 2000;

    static final Pattern PUBACK = Pattern.compile("received PUBACK \\(Mid: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void killedMidStreamAndRestartedWhilePhonesReconnectStoresEveryAcknowledgedLocationOnce() throws Exception {
        MosquittoProcess.requireClientsInstalled();
        int brokerPort = FreePorts.next();
        long tst = Phone.now() - 500_000;
        Path log = dir.resolve("waymark.log");
        Map<String, Object> properties = Map.of("waymark.broker.port", brokerPort, ANONYMOUS_PHONES, "true",
                "waymark.broker.data-path", dir.resolve("broker"),
                "spring.datasource.url", H2Files.url(dir));
        List<Process> phones = new ArrayList<>();
        double storedAtKill;
        try (WaymarkJvm first = WaymarkJvm.start(properties, log)) {
            for (int p = 0; p < PHONES; p++) {
                phones.add(startPhone(p, brokerPort, tst));
            }
            await("some stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> stored(first.api()) >= 2000);
            storedAtKill = stored(first.api());
            first.kill();
        }
        try (WaymarkJvm second = WaymarkJvm.start(properties, log)) {
            for (Process phone : phones) {
                assertThat(phone.waitFor(90, TimeUnit.SECONDS)).as("a phone finished its stream").isTrue();
            }
            JsonNode health = second.api().get("/actuator/health");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("components").get("broker").get("status").asString()).isEqualTo("UP");
            for (int p = 0; p < PHONES; p++) {
                Set<Integer> acknowledged = acknowledged(p);
                assertThat(acknowledged).as("every line acknowledged in the end").hasSize(PER_PHONE);
                assertStoredOnce(second.api(), "phone" + p, tst, acknowledged);
            }
        }
        assertThat(storedAtKill).as("killed in the middle of the stream").isLessThan(PHONES * PER_PHONE);
    }

    @Test
    void startedWhileTenPhonesAreAlreadyConnectingAndPublishingStoresEverything() throws Exception {
        MosquittoProcess.requireClientsInstalled();
        int brokerPort = FreePorts.next();
        long tst = Phone.now() - 600_000;
        List<Process> phones = new ArrayList<>();
        for (int p = 0; p < PHONES; p++) {
            // mosquitto_pub gives up when its first connection is refused: try again until Waymark listens
            phones.add(startPhone(p, brokerPort, tst, true));
        }
        try (WaymarkJvm waymark = WaymarkJvm.start(Map.of("waymark.broker.port", brokerPort,
                ANONYMOUS_PHONES, "true", "waymark.broker.data-path", dir.resolve("broker"),
                "spring.datasource.url", H2Files.url(dir)),
                dir.resolve("waymark.log"))) {
            for (Process phone : phones) {
                assertThat(phone.waitFor(90, TimeUnit.SECONDS)).as("a phone finished its stream").isTrue();
                assertThat(phone.exitValue()).isZero();
            }
            assertThat(waymark.api().get("/actuator/health").get("status").asString()).isEqualTo("UP");
            for (int p = 0; p < PHONES; p++) {
                assertThat(acknowledged(p)).hasSize(PER_PHONE);
                assertThat(history(waymark.api(), "crash", "phone" + p)).hasSize(PER_PHONE);
                assertStoredOnce(waymark.api(), "phone" + p, tst, acknowledged(p));
            }
        }
    }

    private Process startPhone(int p, int port, long tst) throws IOException {
        return startPhone(p, port, tst, false);
    }

    private Process startPhone(int p, int port, long tst, boolean untilConnected) throws IOException {
        Path lines = dir.resolve("phone" + p + ".txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < PER_PHONE; i++) {
            text.append(Phone.location(50 + i * 0.0001, p, tst + i)).append('\n');
        }
        Files.writeString(lines, text);
        String pub = "mosquitto_pub -l -d -q 1 -h 127.0.0.1 -p " + port + " -i crash-phone" + p
                + " -t owntracks/crash/phone" + p + " < " + lines;
        String command = untilConnected ? "until " + pub + "; do sleep 0.2; done" : "exec " + pub;
        return new ProcessBuilder("sh", "-c", command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("phone" + p + ".log").toFile())
            .start();
    }

    /** The line numbers (1-based) that got a PUBACK, at some point. */
    private Set<Integer> acknowledged(int p) throws IOException {
        Set<Integer> mids = new HashSet<>();
        Matcher matcher = PUBACK.matcher(Files.readString(dir.resolve("phone" + p + ".log")));
        while (matcher.find()) {
            mids.add(Integer.parseInt(matcher.group(1)));
        }
        return mids;
    }

    private static void assertStoredOnce(Api api, String device, long tst, Set<Integer> acknowledged) {
        JsonNode locations = history(api, "crash", device);
        Set<Long> distinct = new HashSet<>();
        locations.forEach(location -> distinct.add(location.get("tst").asLong()));
        assertThat(locations.size()).as("no location of " + device + " stored twice").isEqualTo(distinct.size());
        for (int mid : acknowledged) {
            assertThat(distinct).as("acknowledged line " + mid + " of " + device + " is stored").contains(tst + mid - 1);
        }
    }

    private static double stored(Api api) {
        return api.counter("waymark.messages.stored", null);
    }

    /** The device's whole history. */
    private static JsonNode history(Api api, String user, String device) {
        return api.get("/api/v1/devices/" + user + "/" + device + "/locations?from=0&limit=100000");
    }
}
