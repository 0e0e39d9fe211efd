package io.waymark.owntracks;

/** Why a message was not accepted; the code is what is stored, logged and counted. */
public enum RejectionReason {
    MALFORMED_JSON("malformed-json"),
    NOT_AN_OBJECT("not-an-object"),
    MISSING_FIELD("missing-field"),
    INVALID_FIELD("invalid-field"),
    OUT_OF_RANGE("out-of-range"),
    BAD_TOPIC("bad-topic"),
    TOO_LARGE("too-large"),
    DECRYPT_FAILED("decrypt-failed"),
    /** An encrypted payload ({@code _type} {@code encrypted}) for a device without a key. */
    ENCRYPTED_NO_KEY("encrypted-no-key"),
    INTERNAL_ERROR("internal-error");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
