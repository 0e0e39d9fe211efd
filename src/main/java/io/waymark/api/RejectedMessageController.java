package io.waymark.api;

import java.time.Instant;
import java.util.List;

import io.waymark.ingest.RejectedMessage;
import io.waymark.ingest.RejectedMessageRepository;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages that were not accepted, newest first, for inspection. */
@RestController
class RejectedMessageController {

    private final RejectedMessageRepository repository;

    RejectedMessageController(RejectedMessageRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/api/v1/rejected")
    List<RejectedView> rejected(@RequestParam(required = false) String limit) {
        Integer max = RequestParameters.positiveInt("limit", limit, 10_000);
        return repository.findByOrderByIdDesc(Limit.of(max == null ? 100 : max)).stream().map(RejectedView::of).toList();
    }

    record RejectedView(long id, String topic, String payload, String payloadEncoding, int payloadSize, String reason,
            String detail, Instant receivedAt) {

        static RejectedView of(RejectedMessage m) {
            return new RejectedView(m.getId(), m.getTopic(), m.getPayload(), m.getPayloadEncoding(),
                    m.getPayloadSize(), m.getReason(), m.getDetail(), m.getReceivedAt());
        }
    }
}
