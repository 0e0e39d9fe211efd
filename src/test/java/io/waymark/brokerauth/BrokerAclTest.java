package io.waymark.brokerauth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.MosquittoProcess;
import io.waymark.support.Phone;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded broker's logins and ACL with real clients (Paho and mosquitto_pub), in mode
 * {@code groups}: acann and acben share a group, accat is a stranger to both.
 */
@TestPropertySource(properties = "waymark.friends.mode=groups")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAclTest extends EmbeddedWaymarkTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @BeforeAll
    void annAndBenShareAGroup() {
        login("acann");
        login("acben");
        login("accat");
        assertThat(api().send("POST", "/api/v1/groups", "{\"name\":\"ac-family\",\"members\":[\"acann\",\"acben\"]}")
            .status()).isEqualTo(201);
    }

    @Test
    void anAnonymousClientIsRefused() {
        assertThatThrownBy(() -> connect("anon-client", new MqttConnectOptions())).isInstanceOf(MqttException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect("wrong-pw", Phone.loginOptions("acann", "not-the-password")))
            .isInstanceOf(MqttException.class);
    }

    @Test
    void anApiTokenServesAsThePassword() throws Exception {
        String token = api().as("acann", Api.passwordOf("acann"))
            .send("POST", "/api/v1/tokens", "{\"name\":\"mqtt\"}")
            .json()
            .get("token")
            .asString();
        MqttAsyncClient client = connect("token-client", Phone.loginOptions("acann", token));
        assertThat(client.isConnected()).isTrue();
        client.disconnect().waitForCompletion(5000);
        client.close();
    }

    @Test
    void publishingToAnotherUsersTopicStoresNothing() throws Exception {
        long tst = Phone.now() - 100;
        MqttAsyncClient forger = connect("forger", Phone.loginOptions("accat", Api.passwordOf("accat")));
        MqttMessage forged = new MqttMessage(Phone.location(1.5, 2.5, tst).getBytes(StandardCharsets.UTF_8));
        forged.setQos(1);
        try {
            forger.publish("owntracks/acann/forged", forged).waitForCompletion(5000);
        }
        catch (MqttException ex) {
            // MQTT 3.1.1 has no negative PUBACK: the broker may close the connection instead
        }
        forger.close(true);
        try (Phone own = phone("accat", "phone")) {
            own.publishLocation(3.5, 4.5, tst);
        }
        await().atMost(WAIT).until(() -> api().device("accat", "phone") != null);
        assertThat(api().device("acann", "forged")).isNull();
        assertThat(api().call("/api/v1/rejected?limit=1000").body()).doesNotContain("owntracks/acann/forged");
    }

    @Test
    void aWillForAnotherUserRefusesTheConnection() throws Exception {
        MqttConnectOptions options = Phone.loginOptions("accat", Api.passwordOf("accat"));
        options.setWill("owntracks/acann/phone", "{\"_type\":\"lwt\",\"tst\":1}".getBytes(StandardCharsets.UTF_8), 1,
                false);
        assertThatThrownBy(() -> connect("forged-will", options)).isInstanceOf(MqttException.class);
        MqttConnectOptions own = Phone.loginOptions("accat", Api.passwordOf("accat"));
        own.setWill("owntracks/accat/phone", "{\"_type\":\"lwt\",\"tst\":1}".getBytes(StandardCharsets.UTF_8), 1, false);
        MqttAsyncClient client = connect("own-will", own);
        assertThat(client.isConnected()).isTrue();
        client.disconnect().waitForCompletion(5000);
        client.close();
    }

    @Test
    void subscribingToAStrangersTopicsIsRefused() throws Exception {
        MqttAsyncClient client = connect("nosy", Phone.loginOptions("accat", Api.passwordOf("accat")));
        IMqttToken refused = client.subscribe("owntracks/acann/+", 1);
        refused.waitForCompletion(5000);
        assertThat(refused.getGrantedQos()).containsExactly(0x80);
        IMqttToken friendsOnly = client.subscribe("owntracks/accat/+", 1);
        friendsOnly.waitForCompletion(5000);
        assertThat(friendsOnly.getGrantedQos()).containsExactly(1);
        client.disconnect().waitForCompletion(5000);
        client.close();
    }

    @Test
    void aWildcardSubscriptionDeliversOnlyVisibleUsers() throws Exception {
        long tst = Phone.now() - 50;
        try (Phone cat = Phone.listeningAs(brokerUrl(), "accat",
                Api.passwordOf("accat"), "owntracks/+/+");
                Phone ben = Phone.listeningAs(brokerUrl(), "acben",
                        Api.passwordOf("acben"), "owntracks/+/+");
                Phone admin = Phone.listeningAs(brokerUrl(), "admin",
                        Api.ADMIN_PASSWORD, "owntracks/acann/+")) {
            try (Phone ann = phone("acann", "phone")) {
                ann.publishLocation(48.1, 11.5, tst);
            }
            try (Phone own = phone("accat", "wild")) {
                own.publishLocation(5, 5, tst);
            }
            assertThat(ben.nextOn("owntracks/acann/phone", WAIT)).isNotNull();
            assertThat(admin.nextOn("owntracks/acann/phone", WAIT)).isNotNull();
            // ann's came first: had it been delivered to cat, it would have arrived before cat's own
            assertThat(cat.nextOn("owntracks/accat/wild", WAIT)).isNotNull();
            assertThat(cat.topicsReceived()).isNotEmpty().noneMatch(topic -> topic.contains("acann"));
        }
    }

    @Test
    void mosquittoPubLogsInAndIsHeldToTheAcl() throws Exception {
        MosquittoProcess.requireClientsInstalled();
        long tst = Phone.now() - 30;
        assertThat(mosquittoPub("-i", "mp-anon", "-t", "owntracks/acann/mp", "-m", Phone.location(1, 1, tst)).exit)
            .isNotZero();
        assertThat(mosquittoPub("-i", "mp-wrong", "-u", "acann", "-P", "wrong-password", "-t", "owntracks/acann/mp",
                "-m", Phone.location(1, 1, tst)).exit).isNotZero();
        mosquittoPub("-i", "mp-forger", "-u", "accat", "-P", Api.passwordOf("accat"), "-t", "owntracks/acann/mp",
                "-m", Phone.location(2, 2, tst));
        Result own = mosquittoPub("-i", "mp-own", "-u", "acann", "-P", Api.passwordOf("acann"), "-t",
                "owntracks/acann/mpown", "-m", Phone.location(3, 3, tst));
        assertThat(own.exit).as(own.output).isZero();
        assertThat(own.output).contains("received PUBACK");
        assertThat(api().device("acann", "mpown")).isNotNull();
        assertThat(api().device("acann", "mp")).isNull();
    }

    private Result mosquittoPub(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-d", "-q", "1", "-h", "127.0.0.1", "-p",
                Integer.toString(broker.port())));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    private record Result(int exit, String output) {
    }

    private MqttAsyncClient connect(String clientId, MqttConnectOptions options) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl(), clientId, new MemoryPersistence());
        try {
            client.connect(options).waitForCompletion(10_000);
        }
        catch (MqttException ex) {
            client.close(true);
            throw ex;
        }
        return client;
    }
}
