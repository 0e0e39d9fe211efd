package io.waymark.recorder;

import java.util.Map;

import io.waymark.account.Viewer;
import io.waymark.friends.CurrentViewer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps who opened a websocket with its session: the handshake is an authenticated HTTP request
 * (an anonymous one never gets here), the frames later are not.
 */
final class ViewerHandshake implements HandshakeInterceptor {

    private static final String VIEWER = Viewer.class.getName();

    private final CurrentViewer viewer;

    ViewerHandshake(CurrentViewer viewer) {
        this.viewer = viewer;
    }

    /** The viewer of a session opened through this handshake; sees nothing when there is none. */
    static Viewer of(Map<String, Object> sessionAttributes) {
        return sessionAttributes.get(VIEWER) instanceof Viewer v ? v : Viewer.NOBODY;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        attributes.put(VIEWER, viewer.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }
}
