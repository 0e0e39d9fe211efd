package io.waymark.owntracks;

/** A payload or topic that cannot be accepted, with the reason and a human-readable detail. */
public class InvalidMessageException extends RuntimeException {

    private final RejectionReason reason;

    public InvalidMessageException(RejectionReason reason, String detail) {
        super(detail, null, false, false); // no stack trace: rejections are expected, not bugs
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
