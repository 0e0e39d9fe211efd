package io.waymark.recorder;

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

    RecorderConfiguration(LastLocationSocket socket, RecorderProperties properties) {
        this.socket = socket;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/last").setAllowedOriginPatterns(origins());
    }

    private String[] origins() {
        return RecorderCors.origins(properties);
    }
}
