package io.waymark.ingest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message that could not be accepted, kept with the reason for inspection. */
@Entity
@Table(name = "rejected_message")
public class RejectedMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String topic;

    /** The payload as UTF-8 text, or base64 when it is not valid UTF-8. */
    @Column(nullable = false)
    private String payload;

    @Column(name = "payload_encoding", nullable = false)
    private String payloadEncoding;

    @Column(name = "payload_size", nullable = false)
    private int payloadSize;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String detail;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected RejectedMessage() {
    }

    RejectedMessage(String topic, String payload, String payloadEncoding, int payloadSize, String reason,
            String detail, Instant receivedAt) {
        this.topic = topic;
        this.payload = payload;
        this.payloadEncoding = payloadEncoding;
        this.payloadSize = payloadSize;
        this.reason = reason;
        this.detail = detail;
        this.receivedAt = receivedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public String getPayload() {
        return payload;
    }

    public String getPayloadEncoding() {
        return payloadEncoding;
    }

    public int getPayloadSize() {
        return payloadSize;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
