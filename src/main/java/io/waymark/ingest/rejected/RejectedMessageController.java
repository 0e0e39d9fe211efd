package io.waymark.ingest.rejected;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/rejected}: messages that were not accepted, newest first, for inspection. */
@RestController
class RejectedMessageController {

    private final RejectedMessageStore store;

    RejectedMessageController(RejectedMessageStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/rejected")
    List<RejectedMessage> rejected(@RequestParam(defaultValue = "100") @Positive @Max(10_000) int limit) {
        return store.newest(limit);
    }
}
