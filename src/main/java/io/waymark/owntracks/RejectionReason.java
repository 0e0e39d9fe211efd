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
    /** An encrypted payload ({@code _type} {@code encrypted}): kept until Waymark can decrypt it. */
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
