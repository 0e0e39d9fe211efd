package io.waymark.recorder;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OwnTracks Recorder-compatible API.
 *
 * @param allowedOrigins the browser origins that may call {@code /api/0} and open
 *     {@code /ws/last} (CORS), e.g. where an OwnTracks Frontend is served from; {@code *} =
 *     any, as the Recorder allows
 * @param socketQueue how many new locations may wait to be sent to the websockets; beyond that
 *     they are dropped (each one only tells the Frontend to re-read {@code last})
 * @param socketBuffer how many bytes may wait for one slow websocket before it is closed (its
 *     page reconnects)
 */
@Validated
@ConfigurationProperties("waymark.recorder")
record RecorderProperties(@DefaultValue("*") @NotNull List<String> allowedOrigins,
        @DefaultValue("10000") @Min(1) int socketQueue, @DefaultValue("1048576") @Min(1024) int socketBuffer) {
}
