package io.waymark.transfer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What an import did.
 *
 * @param imported messages stored for the first time
 * @param duplicates messages the store already held (a re-import is all duplicates)
 * @param rejected lines that are not a valid message, or that the ingestion flow rejected
 * @param skipped valid messages that are not history (lwt, card, status, ...), not imported
 * @param errors the first few rejections, with their line numbers
 */
@JsonPropertyOrder({ "imported", "duplicates", "rejected", "skipped", "errors" })
public record ImportResult(long imported, long duplicates, long rejected, long skipped, List<ImportError> errors) {

    /** @param file the file, when several were imported at once (command line); else null */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "file", "line", "message" })
    public record ImportError(String file, long line, String message) {
    }
}
