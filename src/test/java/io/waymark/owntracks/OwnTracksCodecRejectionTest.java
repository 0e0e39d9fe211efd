package io.waymark.owntracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Payloads the codec must refuse, with the reason and a detail that names what is wrong. */
class OwnTracksCodecRejectionTest {

    private final OwnTracksCodec codec = new OwnTracksCodec();

    private void assertRejected(String payload, RejectionReason reason, String detail) {
        assertRejected(payload.getBytes(StandardCharsets.UTF_8), reason, detail);
    }

    private void assertRejected(byte[] payload, RejectionReason reason, String detail) {
        assertThatExceptionOfType(InvalidMessageException.class)
                .isThrownBy(() -> codec.decode(payload))
                .satisfies(ex -> {
                    assertThat(ex.reason()).isEqualTo(reason);
                    assertThat(ex.getMessage()).contains(detail);
                });
    }

    @Test
    void truncatedJsonIsMalformed() {
        assertRejected("{\"_type\":\"location\",\"lat\":", RejectionReason.MALFORMED_JSON, "not valid JSON");
    }

    @Test
    void trailingGarbageIsMalformed() {
        assertRejected("{\"_type\":\"lwt\"} {\"_type\":\"lwt\"}", RejectionReason.MALFORMED_JSON, "not valid JSON");
    }

    @Test
    void emptyPayloadIsMalformed() {
        assertRejected(new byte[0], RejectionReason.MALFORMED_JSON, "empty");
    }

    @Test
    void whitespaceOnlyPayloadIsMalformed() {
        assertRejected(" \n", RejectionReason.MALFORMED_JSON, "empty");
    }

    @Test
    void jsonArrayIsNotAnObject() {
        assertRejected("[{\"_type\":\"location\",\"lat\":1,\"lon\":1,\"tst\":1}]", RejectionReason.NOT_AN_OBJECT,
                "array");
    }

    @Test
    void jsonStringIsNotAnObject() {
        assertRejected("\"location\"", RejectionReason.NOT_AN_OBJECT, "string");
    }

    @Test
    void jsonNumberIsNotAnObject() {
        assertRejected("42", RejectionReason.NOT_AN_OBJECT, "number");
    }

    @Test
    void jsonNullIsNotAnObject() {
        assertRejected("null", RejectionReason.NOT_AN_OBJECT, "null");
    }

    @Test
    void missingTypeIsRejected() {
        assertRejected("{\"lat\":52.52,\"lon\":13.405,\"tst\":1718031660}", RejectionReason.MISSING_FIELD, "'_type'");
    }

    @Test
    void locationWithoutLatIsRejected() {
        assertRejected("{\"_type\":\"location\",\"lon\":13.405,\"tst\":1718031660}", RejectionReason.MISSING_FIELD,
                "'lat'");
    }

    @Test
    void locationWithoutLonIsRejected() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"tst\":1718031660}", RejectionReason.MISSING_FIELD,
                "'lon'");
    }

    @Test
    void locationWithNullLatIsRejectedAsMissing() {
        assertRejected("{\"_type\":\"location\",\"lat\":null,\"lon\":13.405,\"tst\":1718031660}",
                RejectionReason.MISSING_FIELD, "'lat'");
    }

    @Test
    void nonNumericLatIsInvalid() {
        assertRejected("{\"_type\":\"location\",\"lat\":\"abc\",\"lon\":13.405,\"tst\":1718031660}",
                RejectionReason.INVALID_FIELD, "'lat'");
    }

    @Test
    void booleanLonIsInvalid() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"lon\":true,\"tst\":1718031660}",
                RejectionReason.INVALID_FIELD, "'lon'");
    }

    @Test
    void latAboveNinetyIsOutOfRange() {
        assertRejected("{\"_type\":\"location\",\"lat\":91,\"lon\":13.405,\"tst\":1718031660}",
                RejectionReason.OUT_OF_RANGE, "'lat'");
    }

    @Test
    void latBelowMinusNinetyIsOutOfRange() {
        assertRejected("{\"_type\":\"location\",\"lat\":-90.5,\"lon\":13.405,\"tst\":1718031660}",
                RejectionReason.OUT_OF_RANGE, "'lat'");
    }

    @Test
    void lonAbove180IsOutOfRange() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"lon\":181,\"tst\":1718031660}",
                RejectionReason.OUT_OF_RANGE, "'lon'");
    }

    @Test
    void lonBelowMinus180IsOutOfRange() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"lon\":-180.0001,\"tst\":1718031660}",
                RejectionReason.OUT_OF_RANGE, "'lon'");
    }

    @Test
    void locationWithoutTstIsRejected() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405}", RejectionReason.MISSING_FIELD, "'tst'");
    }

    @Test
    void negativeTstIsOutOfRange() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":-1}", RejectionReason.OUT_OF_RANGE,
                "'tst'");
    }

    @Test
    void tstInMillisecondsIsOutOfRange() {
        assertRejected("{\"_type\":\"location\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718040000000}",
                RejectionReason.OUT_OF_RANGE, "'tst' is 1718040000000, after the year 2514");
        // the last second the history's key holds, and the first it does not
        assertThat(codec.decode(("{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":" + (Location.TST_LIMIT - 1) + "}")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Location.class,
                        l -> assertThat(l.tst()).isEqualTo(Location.TST_LIMIT - 1));
        assertRejected("{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":" + Location.TST_LIMIT + "}",
                RejectionReason.OUT_OF_RANGE, "'tst'");
    }

    @Test
    void createdAtInMillisecondsKeepsTheFix() {
        assertThat(codec.decode("{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":1718040000,\"created_at\":1718040000000}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(Location.class,
                        l -> assertThat(l.createdAt()).isEqualTo(1718040000000L));
    }

    @Test
    void negativeLwtTstIsOutOfRange() {
        assertRejected("{\"_type\":\"lwt\",\"tst\":-1718020000}", RejectionReason.OUT_OF_RANGE, "'tst'");
    }

    @Test
    void transitionWithoutEventIsRejected() {
        assertRejected("{\"_type\":\"transition\",\"desc\":\"Home\",\"lat\":52.52,\"lon\":13.405,\"tst\":1718040000,"
                + "\"wtst\":1699004400}", RejectionReason.MISSING_FIELD, "'event'");
    }

    @Test
    void transitionWithoutTstIsRejected() {
        assertRejected("{\"_type\":\"transition\",\"event\":\"enter\",\"desc\":\"Home\",\"wtst\":1699004400}",
                RejectionReason.MISSING_FIELD, "'tst'");
    }

    @Test
    void transitionWithLatOutOfRangeIsRejected() {
        assertRejected("{\"_type\":\"transition\",\"event\":\"enter\",\"lat\":95,\"lon\":13.405,\"tst\":1718040000}",
                RejectionReason.OUT_OF_RANGE, "'lat'");
    }
}
