package io.waymark.ingest.http;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.waymark.ingest.IngestFlowConfiguration;
import io.waymark.ingest.IngestOutcome;
import io.waymark.owntracks.DeviceId;
import io.waymark.owntracks.RejectionReason;
import io.waymark.owntracks.Transport;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /pub}: OwnTracks HTTP mode. The message goes into the same flow as MQTT (decode,
 * idempotent store, presence, events, rejections) on {@code owntracks/<user>/<device>}, and the
 * answer waits for the commit, as an MQTT PUBACK does: {@code 200} with the {@link PubAnswer};
 * a rejected payload {@code 400} ({@code 413} when too large) as problem+json, kept in
 * {@code /api/v1/rejected}. HTTP-mode phones have no will: their presence comes from their
 * messages and the timeout.
 */
@RestController
class PubController {

    private static final long COMMIT_WAIT_SECONDS = 30;

    private final MessageChannel inbound;

    private final PubAnswer answer;

    PubController(@Qualifier(IngestFlowConfiguration.INBOUND_CHANNEL) MessageChannel inbound, PubAnswer answer) {
        this.inbound = inbound;
        this.answer = answer;
    }

    @PostMapping("/pub")
    ResponseEntity<String> publish(@RequestHeader(name = "X-Limit-U", required = false) String headerUser,
            @RequestHeader(name = "X-Limit-D", required = false) String headerDevice,
            @RequestParam(name = "u", required = false) String queryUser,
            @RequestParam(name = "d", required = false) String queryDevice,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) byte[] body, Principal principal) {
        DeviceId device = PubIdentity.resolve(headerUser, headerDevice, queryUser, queryDevice, authorization);
        // null until authentication is configured: then the principal is the verified user
        PubIdentity.mayPublish(principal == null ? null : principal.getName(), device);
        IngestOutcome outcome = ingest(device, body == null ? new byte[0] : body);
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            HttpStatus status = rejected.reason() == RejectionReason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                    : rejected.reason() == RejectionReason.INTERNAL_ERROR ? HttpStatus.INTERNAL_SERVER_ERROR
                    : HttpStatus.BAD_REQUEST;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejected.detail());
            problem.setProperty("reason", rejected.reason().code());
            throw new ErrorResponseException(status, problem, null);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.forDevice(device));
    }

    private IngestOutcome ingest(DeviceId device, byte[] body) {
        CompletableFuture<IngestOutcome> committed = new CompletableFuture<>();
        Consumer<IngestOutcome> callback = committed::complete;
        inbound.send(MessageBuilder.withPayload(body)
            // in HTTP mode the topic is the device's, whatever an encrypted payload says inside
            .setHeader(MqttHeaders.RECEIVED_TOPIC, "owntracks/" + device.user() + "/" + device.device())
            .setHeader(IngestFlowConfiguration.TRANSPORT, Transport.HTTP)
            .setHeader(IngestFlowConfiguration.OUTCOME_CALLBACK, callback)
            .build());
        try {
            return committed.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "not stored within " + COMMIT_WAIT_SECONDS + " s; send it again"),
                    ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
