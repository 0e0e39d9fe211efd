package io.waymark.dashboard;

import io.waymark.account.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: Server-Sent Events {@code location}, {@code presence},
 * {@code transition} (and {@code resync}) as they are stored, for the dashboard or any client;
 * each subscriber gets the events of the devices it may see, as its user was when it connected.
 */
@RestController
class StreamController {

    private final DashboardStream stream;

    StreamController(DashboardStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Viewer viewer, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // nginx would otherwise buffer the stream
        response.setHeader("X-Accel-Buffering", "no");
        return stream.open(viewer);
    }
}
