package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.waymark.owntracks.EncryptedFixtures.Fixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Envelopes made by libsodium (PyNaCl) in, envelopes Waymark made out. */
class EncryptedPayloadTest {

    private static final DeviceId ALICE_PHONE = new DeviceId("alice", "phone");

    private static final DeviceId ALICE_TABLET = new DeviceId("alice", "tablet");

    private final EncryptedPayload encrypted = new EncryptedPayload(EncryptionKeys.of(Map.of(
            "alice", EncryptedFixtures.named("user-key").secret(),
            "alice/phone", EncryptedFixtures.named("device-key").secret(),
            "bob", EncryptedFixtures.named("long-secret").secret(),
            "carol", EncryptedFixtures.named("non-ascii-secret").secret())));

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void assertRejected(DeviceId device, byte[] payload, RejectionReason reason, String detail) {
        assertThatExceptionOfType(InvalidMessageException.class)
                .isThrownBy(() -> encrypted.unwrap(device, payload))
                .satisfies(ex -> {
                    assertThat(ex.reason()).isEqualTo(reason);
                    assertThat(ex.getMessage()).contains(detail);
                });
    }

    @Test
    void theUsersKeyOpensAPayloadOfAnyOfItsDevicesWithoutOwnKey() {
        Fixture fixture = EncryptedFixtures.named("user-key");
        assertThat(text(encrypted.unwrap(ALICE_TABLET, fixture.envelopeBytes()))).isEqualTo(fixture.plain());
    }

    @Test
    void theDevicesKeyWinsOverItsUsers() {
        Fixture fixture = EncryptedFixtures.named("device-key");
        assertThat(text(encrypted.unwrap(ALICE_PHONE, fixture.envelopeBytes()))).isEqualTo(fixture.plain());
        // the phone's payload sealed with the family secret is not opened with the family secret
        assertRejected(ALICE_PHONE, EncryptedFixtures.named("user-key").envelopeBytes(), RejectionReason.DECRYPT_FAILED,
                "wrong key or tampered");
    }

    @Test
    void longAndNonAsciiSecretsOpenTheirPayloads() {
        for (String name : new String[] { "long-secret", "non-ascii-secret" }) {
            Fixture fixture = EncryptedFixtures.named(name);
            DeviceId device = new DeviceId(fixture.owner(), "phone");
            assertThat(text(encrypted.unwrap(device, fixture.envelopeBytes()))).as(name).isEqualTo(fixture.plain());
        }
    }

    @Test
    void theInnerMessageDecodesAsIfItCamePlain() {
        byte[] inner = encrypted.unwrap(ALICE_TABLET, EncryptedFixtures.named("user-key").envelopeBytes());
        Location location = (Location) new OwnTracksCodec().decode(inner);
        assertThat(location.lat()).isEqualTo(52.5163);
        assertThat(location.lon()).isEqualTo(13.3777);
        assertThat(location.tst()).isEqualTo(1700000000L);
        assertThat(location.tid()).isEqualTo("ap");
        assertThat(location.batt()).isEqualTo(81);
    }

    @Test
    void theWrongKeyIsDecryptFailed() {
        assertRejected(new DeviceId("bob", "phone"), EncryptedFixtures.named("user-key").envelopeBytes(),
                RejectionReason.DECRYPT_FAILED, "wrong key or tampered");
    }

    @Test
    void noKeyIsEncryptedNoKey() {
        assertRejected(new DeviceId("dave", "phone"), EncryptedFixtures.named("user-key").envelopeBytes(),
                RejectionReason.ENCRYPTED_NO_KEY, "no key for dave/phone");
        assertThat(RejectionReason.ENCRYPTED_NO_KEY.code()).isEqualTo("encrypted-no-key");
        assertThat(RejectionReason.DECRYPT_FAILED.code()).isEqualTo("decrypt-failed");
    }

    @Test
    void tamperedCiphertextIsDecryptFailed() {
        byte[] sealed = EncryptedFixtures.named("user-key").sealed();
        sealed[sealed.length - 3] ^= 0x20;
        assertRejected(ALICE_TABLET, EncryptedFixtures.envelope(sealed), RejectionReason.DECRYPT_FAILED, "tampered");
    }

    @Test
    void tamperedNonceIsDecryptFailed() {
        byte[] sealed = EncryptedFixtures.named("user-key").sealed();
        sealed[5] ^= 0x01;
        assertRejected(ALICE_TABLET, EncryptedFixtures.envelope(sealed), RejectionReason.DECRYPT_FAILED, "tampered");
    }

    @Test
    void truncatedDataIsDecryptFailed() {
        byte[] sealed = EncryptedFixtures.named("user-key").sealed();
        assertRejected(ALICE_TABLET, EncryptedFixtures.envelope(Arrays.copyOf(sealed, sealed.length - 1)),
                RejectionReason.DECRYPT_FAILED, "tampered");
        assertRejected(ALICE_TABLET, EncryptedFixtures.envelope(Arrays.copyOf(sealed, 39)),
                RejectionReason.DECRYPT_FAILED, "39 bytes, less than nonce and MAC");
        assertRejected(ALICE_TABLET, EncryptedFixtures.envelope(""), RejectionReason.DECRYPT_FAILED, "0 bytes");
    }

    @Test
    void badBase64OrNoDataIsDecryptFailed() {
        assertRejected(ALICE_TABLET, EncryptedFixtures.envelope("not*base64!"), RejectionReason.DECRYPT_FAILED, "not base64");
        assertRejected(ALICE_TABLET, "{\"_type\":\"encrypted\"}".getBytes(StandardCharsets.UTF_8),
                RejectionReason.DECRYPT_FAILED, "'data' is missing");
        assertRejected(ALICE_TABLET, "{\"_type\":\"encrypted\",\"data\":42}".getBytes(StandardCharsets.UTF_8),
                RejectionReason.DECRYPT_FAILED, "not a string");
    }

    @Test
    void base64WrappedOverLinesStillOpens() {
        Fixture fixture = EncryptedFixtures.named("user-key");
        // JSON escapes: the envelope's data holds real CR LF line breaks after every 16 characters
        String wrapped = Base64.getEncoder().encodeToString(fixture.sealed()).replaceAll("(.{16})", "$1\\\\r\\\\n");
        assertThat(wrapped).contains("\\r\\n");
        assertThat(text(encrypted.unwrap(ALICE_TABLET, EncryptedFixtures.envelope(wrapped)))).isEqualTo(fixture.plain());
    }

    @Test
    void anEnvelopeInsideAnEnvelopeIsDecryptFailed() {
        SecretBox family = SecretBox.ofSecret(EncryptedFixtures.named("user-key").secret());
        byte[] twice = encrypted.seal(family, encrypted.seal(family, "{\"_type\":\"lwt\"}".getBytes(StandardCharsets.UTF_8)));
        assertRejected(ALICE_TABLET, twice, RejectionReason.DECRYPT_FAILED, "inside an encrypted payload");
    }

    @Test
    void plainAndNonJsonPayloadsPassThroughUntouched() {
        for (String payload : new String[] { "{\"_type\":\"location\",\"lat\":1}", "not json", "[1,2]", "{\"_type\":7}" }) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            assertThat(encrypted.unwrap(new DeviceId("dave", "phone"), bytes)).as(payload).isSameAs(bytes);
            assertThat(encrypted.isEnvelope(bytes)).as(payload).isFalse();
        }
        assertThat(encrypted.isEnvelope(EncryptedFixtures.named("user-key").envelopeBytes())).isTrue();
    }

    @Test
    void sealMakesAnEnvelopeWithAFreshNonceEachTime() {
        byte[] json = "{\"_type\":\"cmd\",\"action\":\"reportLocation\"}".getBytes(StandardCharsets.UTF_8);
        byte[] first = encrypted.sealFor(ALICE_PHONE, json);
        byte[] second = encrypted.sealFor(ALICE_PHONE, json);

        JsonNode envelope = JsonMapper.builder().build().readTree(first);
        assertThat(envelope.propertyNames()).containsExactlyInAnyOrder("_type", "data");
        assertThat(envelope.get("_type").asString()).isEqualTo("encrypted");
        byte[] sealed = Base64.getDecoder().decode(envelope.get("data").asString());
        assertThat(sealed).hasSize(24 + 16 + json.length);
        assertThat(Arrays.copyOf(sealed, 24)).isNotEqualTo(Arrays.copyOf(EncryptedFixtures.named("user-key").sealed(), 24));

        assertThat(first).isNotEqualTo(second);
        assertThat(encrypted.unwrap(ALICE_PHONE, first)).isEqualTo(json);
        assertThat(encrypted.unwrap(ALICE_PHONE, second)).isEqualTo(json);
        // sealed with the phone's own key, not the family's
        assertRejected(ALICE_TABLET, first, RejectionReason.DECRYPT_FAILED, "wrong key");
    }

    @Test
    void sealForADeviceWithoutKeyLeavesThePayloadPlain() {
        byte[] json = "{\"_type\":\"cmd\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(encrypted.sealFor(new DeviceId("dave", "phone"), json)).isSameAs(json);
    }
}
