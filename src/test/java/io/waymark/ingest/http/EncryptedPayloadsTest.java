package io.waymark.ingest.http;

import java.time.Duration;
import java.util.Base64;

import io.waymark.support.Api.Response;
import io.waymark.support.EmbeddedWaymarkTest;
import io.waymark.support.Phone;
import io.waymark.support.PyNaCl;
import io.waymark.support.Waits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Encrypted payloads, sealed by PyNaCl (libsodium), over MQTT and over HTTP: opened with the
 * device's key (which wins over its user's) and stored as if plain; wrong key and tampered ones
 * rejected; the /pub answer for a device with a key sealed so that PyNaCl opens it.
 */
@TestPropertySource(properties = { "waymark.encryption.keys.fam=family secret",
        "waymark.encryption.keys.[fam/own]=own device secret" })
class EncryptedPayloadsTest extends EmbeddedWaymarkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PyNaCl pyNaCl;

    @BeforeAll
    static void findPyNaCl() {
        pyNaCl = PyNaCl.find();
    }

    @Test
    void anEncryptedLocationOverMqttIsStoredAsIfPlain() {
        long tst = Phone.now();
        String envelope = pyNaCl.seal("family secret", Phone.location(47.37, 8.54, tst));
        try (Phone phone = phone("fam", "mqtt")) {
            phone.publish(envelope);
        }
        JsonNode device = Waits.awaitLastKnownTst(api(), "fam", "mqtt", tst, Duration.ofSeconds(10));
        assertThat(device.get("location").get("lat").asDouble()).isEqualTo(47.37);
    }

    @Test
    void anEncryptedLocationOverHttpIsStoredAndTheAnswerIsSealedForTheDevice() {
        long tst = Phone.now();
        // another device of the family, so that the answer has something in it
        assertThat(api().pub("fam", "other", pyNaCl.seal("family secret", Phone.location(1, 2, tst))).status())
            .isEqualTo(200);
        // the device key wins over the user's: sealed with it, and the answer sealed with it too
        Response response = api().pub("fam", "own", pyNaCl.seal("own device secret", Phone.location(3, 4, tst)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(api().device("fam", "own").get("location").get("lat").asDouble()).isEqualTo(3);
        JsonNode answer = response.json();
        assertThat(answer.size()).isGreaterThan(0);
        JsonNode opened = null;
        for (JsonNode element : answer) {
            assertThat(element.get("_type").asString()).isEqualTo("encrypted");
            JsonNode inner = JSON.readTree(pyNaCl.open("own device secret", element.toString()));
            if ("owntracks/fam/other".equals(inner.path("topic").asString())) {
                opened = inner;
            }
        }
        assertThat(opened).as("the family's other device in the answer").isNotNull();
        assertThat(opened.get("_type").asString()).isEqualTo("location");
        assertThat(opened.get("lat").asDouble()).isEqualTo(1);
        assertThat(opened.get("tst").asLong()).isEqualTo(tst);
    }

    @Test
    void aWrongKeyIsDecryptFailedAndNothingIsStored() {
        Response response = api().pub("fam", "wrong", pyNaCl.seal("not the family secret", Phone.location(5, 6, Phone.now())));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("reason").asString()).isEqualTo("decrypt-failed");
        JsonNode device = api().device("fam", "wrong");
        assertThat(device == null || device.get("location").isNull()).isTrue();
    }

    @Test
    void aTamperedPayloadIsDecryptFailed() {
        JsonNode envelope = JSON.readTree(pyNaCl.seal("family secret", Phone.location(5, 6, Phone.now())));
        byte[] data = Base64.getDecoder().decode(envelope.get("data").asString());
        data[data.length - 1] ^= 1; // one bit of the ciphertext
        String tampered = "{\"_type\":\"encrypted\",\"data\":\"" + Base64.getEncoder().encodeToString(data) + "\"}";
        Response response = api().pub("fam", "tampered", tampered);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("reason").asString()).isEqualTo("decrypt-failed");
    }

    @Test
    void withoutAKeyItIsEncryptedNoKeyAndKeptAsItCame() {
        String envelope = pyNaCl.seal("whatever", Phone.location(5, 6, Phone.now()));
        try (Phone phone = phone("nokey", "phone")) {
            phone.publish(envelope);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode kept = null;
            for (JsonNode r : api().get("/api/v1/rejected?limit=1000")) {
                if (r.get("topic").asString().equals("owntracks/nokey/phone")) {
                    kept = r;
                }
            }
            assertThat(kept).isNotNull();
            assertThat(kept.get("reason").asString()).isEqualTo("encrypted-no-key");
            assertThat(kept.get("payload").asString()).isEqualTo(envelope);
        });
    }
}
