package io.waymark.ingest.rejected;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.waymark.config.SqlColumns;
import io.waymark.config.SqlTime;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code rejected_message} table: rejections kept for inspection, newest first. */
@Component
public class RejectedMessageStore {

    /** Rejected payloads are kept up to this size: enough to see what was wrong. */
    private static final int KEPT_PAYLOAD_BYTES = 256 * 1024;

    private static final SqlColumns<Row> COLUMNS = new SqlColumns<Row>()
        .text("topic", Row::topic)
        .text("payload", Row::payload)
        .text("payload_encoding", Row::encoding)
        .integer("payload_size", Row::size)
        .text("reason", Row::reason)
        .text("detail", Row::detail)
        .timestamp("received_at", r -> r.rejection().receivedAt());

    private static final String INSERT = "INSERT INTO rejected_message (" + String.join(", ", COLUMNS.names())
            + ") VALUES (" + String.join(", ", COLUMNS.names().stream().map(c -> ":" + c).toList()) + ")";

    private final NamedParameterJdbcTemplate jdbc;

    RejectedMessageStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the rejections, in the caller's transaction if any. */
    public void save(List<Rejection> rejections) {
        if (!rejections.isEmpty()) {
            jdbc.batchUpdate(INSERT, COLUMNS.sources(rejections.stream().map(Row::of).toList()));
        }
    }

    List<RejectedMessage> newest(int limit) {
        return jdbc.getJdbcTemplate().query("SELECT id, topic, payload, payload_encoding, payload_size, reason, detail,"
                + " received_at FROM rejected_message ORDER BY id DESC LIMIT ?",
                (rs, i) -> new RejectedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), SqlTime.instant(rs, 8)),
                limit);
    }

    /** A rejection as stored: topic and detail cut to their columns, payload as text or base64. */
    private record Row(Rejection rejection, String topic, String payload, String encoding, int size, String reason,
            String detail) {

        static Row of(Rejection r) {
            byte[] payload = r.payload();
            byte[] kept = payload.length <= KEPT_PAYLOAD_BYTES ? payload : Arrays.copyOf(payload, KEPT_PAYLOAD_BYTES);
            String text = utf8OrNull(kept);
            String detail = r.detail() == null ? r.reason().code() : r.detail();
            return new Row(r, r.topic() == null ? "" : truncate(r.topic(), 1024),
                    text != null ? text : Base64.getEncoder().encodeToString(kept), text != null ? "text" : "base64",
                    payload.length, r.reason().code(), truncate(detail, 1000));
        }
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\u0000", "\\u0000"); // PostgreSQL text cannot hold NUL
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
