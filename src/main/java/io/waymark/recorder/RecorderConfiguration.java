package io.waymark.recorder;

import io.waymark.friends.CurrentViewer;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** {@code /ws/last} as a plain websocket (no STOMP: the Frontend speaks text frames). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RecorderConfiguration implements WebSocketConfigurer {

    private final LastLocationSocket socket;

    private final RecorderProperties properties;

    private final CurrentViewer viewer;

    RecorderConfiguration(LastLocationSocket socket, RecorderProperties properties, CurrentViewer viewer) {
        this.socket = socket;
        this.properties = properties;
        this.viewer = viewer;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/last")
            .addInterceptors(new ViewerHandshake(viewer))
            .setAllowedOriginPatterns(origins());
    }

    private String[] origins() {
        return RecorderCors.origins(properties);
    }
}
