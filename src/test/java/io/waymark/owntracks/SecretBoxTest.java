package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.waymark.owntracks.EncryptedFixtures.Fixture;

/** The secretbox against boxes libsodium (PyNaCl) made: same bytes out, same bytes back. */
class SecretBoxTest {

    static final List<Fixture> FIXTURES = EncryptedFixtures.ALL;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void opensWhatLibsodiumSealed(Fixture fixture) {
        assertThat(SecretBox.ofSecret(fixture.secret()).open(fixture.sealed()))
                .hasValueSatisfying(plain -> assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(fixture.plain()));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void sealsToTheSameBytesAsLibsodiumUnderTheSameNonce(Fixture fixture) {
        byte[] expected = fixture.sealed();
        byte[] nonce = Arrays.copyOf(expected, SecretBox.NONCE_BYTES);
        assertThat(SecretBox.ofSecret(fixture.secret()).seal(nonce, fixture.plain().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }

    @Test
    void layoutIsNonceThenMacThenCiphertext() {
        byte[] nonce = new byte[24];
        Arrays.fill(nonce, (byte) 7);
        byte[] sealed = SecretBox.ofSecret("s").seal(nonce, new byte[5]);
        assertThat(sealed).hasSize(24 + 16 + 5);
        assertThat(Arrays.copyOf(sealed, 24)).isEqualTo(nonce);
    }

    @Test
    void aSecretLongerThan32BytesIsCutAfter32() {
        Fixture fixture = EncryptedFixtures.named("long-secret");
        assertThat(fixture.secret().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(32);
        String first32 = fixture.secret().substring(0, 32);
        assertThat(SecretBox.ofSecret(first32).open(fixture.sealed())).isPresent();
        assertThat(SecretBox.ofSecret(first32 + "another tail").open(fixture.sealed())).isPresent();
        assertThat(SecretBox.ofSecret(first32.substring(0, 31)).open(fixture.sealed())).isEmpty();
    }

    @Test
    void aNonAsciiSecretIsTakenAsUtf8() {
        Fixture fixture = EncryptedFixtures.named("non-ascii-secret");
        byte[] key = Arrays.copyOf(fixture.secret().getBytes(StandardCharsets.UTF_8), 32);
        assertThat(SecretBox.ofKey(key).open(fixture.sealed())).isPresent();
        byte[] latin1 = Arrays.copyOf(fixture.secret().getBytes(StandardCharsets.ISO_8859_1), 32);
        assertThat(SecretBox.ofKey(latin1).open(fixture.sealed())).isEmpty();
    }

    @Test
    void theWrongKeyOpensNothing() {
        assertThat(SecretBox.ofSecret("not the family secret").open(EncryptedFixtures.named("user-key").sealed())).isEmpty();
    }

    @Test
    void anyChangedByteOpensNothing() {
        Fixture fixture = EncryptedFixtures.named("user-key");
        SecretBox box = SecretBox.ofSecret(fixture.secret());
        byte[] sealed = fixture.sealed();
        for (int i : new int[] { 0, 23, 24, 39, 40, sealed.length - 1 }) { // nonce, MAC, ciphertext
            byte[] changed = sealed.clone();
            changed[i] ^= 0x01;
            assertThat(box.open(changed)).as("byte %d flipped", i).isEmpty();
        }
    }

    @Test
    void truncatedBoxesOpenNothing() {
        Fixture fixture = EncryptedFixtures.named("user-key");
        SecretBox box = SecretBox.ofSecret(fixture.secret());
        byte[] sealed = fixture.sealed();
        assertThat(box.open(Arrays.copyOf(sealed, sealed.length - 1))).isEmpty();
        assertThat(box.open(Arrays.copyOf(sealed, 39))).isEmpty();
        assertThat(box.open(new byte[0])).isEmpty();
    }

    @Test
    void anEmptyMessageRoundTrips() {
        SecretBox box = SecretBox.ofSecret("s");
        assertThat(box.open(box.seal(new byte[24], new byte[0]))).hasValue(new byte[0]);
    }

    @Test
    void keysAndNoncesHaveExactSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretBox.ofKey(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretBox.ofSecret("s").seal(new byte[23], new byte[1]));
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(SecretBox.ofSecret("family secret").toString()).doesNotContain("family");
    }
}
