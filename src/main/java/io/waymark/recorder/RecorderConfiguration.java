package io.waymark.recorder;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** {@code /ws/last} as a plain websocket (no STOMP: the Frontend speaks text frames), and CORS for {@code /api/0}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RecorderConfiguration implements WebSocketConfigurer, WebMvcConfigurer {

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

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/0/**").allowedOriginPatterns(origins()).allowedMethods("GET", "POST")
            .allowedHeaders("*");
    }

    private String[] origins() {
        return properties.allowedOrigins().toArray(String[]::new);
    }
}
