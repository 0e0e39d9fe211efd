package io.waymark.support;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Collects the text frames a websocket client receives (such as {@code /ws/last}), one JSON object each. */
public final class WebSocketFrames implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long {@link #next} waits for a frame. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** The next frame; fails when none comes in time. */
    public JsonNode next() throws InterruptedException {
        JsonNode frame = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(frame).as("a frame within " + WAIT).isNotNull();
        return frame;
    }

    /** The next frame that is {@code wanted}, skipping others. */
    public JsonNode until(Predicate<JsonNode> wanted) throws InterruptedException {
        while (true) {
            JsonNode frame = next();
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }
}
