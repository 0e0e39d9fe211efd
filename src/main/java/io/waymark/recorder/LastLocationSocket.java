package io.waymark.recorder;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.waymark.account.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Recorder's websocket {@code /ws/last}. A client that sends {@code LAST} gets every
 * last-known location, one frame each; after that every new last-known location is pushed as it
 * is stored: the Recorder's location object ({@code _type: location}, {@code username},
 * {@code device}, {@code topic}, ...). Like the Recorder, a client may narrow it to one user or
 * device with {@code user}/{@code device} in the URL or {@code X-Limit-User}/{@code X-Limit-Device}
 * headers on the handshake. Each client gets only what the user who opened it may see
 * ({@link ViewerHandshake}).
 * <p>
 * New locations come from the ingest writer's thread, which must never wait for a browser: they
 * are handed to one sender thread through a bounded queue (dropped when it is full) and only
 * when a client is connected. A client whose connection cannot keep up is closed; the Frontend
 * reconnects after a second and re-reads.
 */
@Component
class LastLocationSocket extends TextWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LastLocationSocket.class);

    private static final int SEND_TIME_LIMIT_MS = 10_000;

    private final RecorderQueries queries;

    private final RecorderObjects objects;

    private final RecorderProperties properties;

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    private final ThreadPoolExecutor sender;

    LastLocationSocket(RecorderQueries queries, RecorderObjects objects, RecorderProperties properties) {
        this.queries = queries;
        this.objects = objects;
        this.properties = properties;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.socketQueue()), r -> new Thread(r, "waymark-ws-last"),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** A newly stored last-known location; returns at once. */
    void push(RecorderLocation location) {
        if (!clients.isEmpty()) {
            sender.execute(() -> send(location));
        }
    }

    int openSockets() {
        return clients.size();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        ConcurrentWebSocketSessionDecorator decorated = new ConcurrentWebSocketSessionDecorator(session,
                SEND_TIME_LIMIT_MS, properties.socketBuffer(),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        clients.put(session.getId(), new Client(decorated, ViewerHandshake.of(session.getAttributes()),
                limit(session, "user"), limit(session, "device")));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Client client = clients.get(session.getId());
        if (client == null || !"LAST".equalsIgnoreCase(message.getPayload().trim())) {
            return; // the Recorder echoes anything else; the Frontend sends nothing else
        }
        String device = client.user() == null ? null : client.device();
        for (RecorderQueries.LastLocation last : client.viewer().visible(queries.last(client.user(), device),
                l -> l.location().user())) {
            client.send(objects.write(objects.last(last.location(), last.name(), last.face())));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        clients.remove(session.getId());
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Websocket {} failed: {}", session.getId(), exception.toString());
        clients.remove(session.getId());
    }

    private void send(RecorderLocation location) {
        String frame = null;
        for (Client client : clients.values()) {
            if (client.wants(location)) {
                if (frame == null) {
                    frame = objects.write(objects.last(location, null, null));
                }
                client.send(frame);
            }
        }
    }

    private static String limit(WebSocketSession session, String name) {
        String header = session.getHandshakeHeaders().getFirst("X-Limit-" + name);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        URI uri = session.getUri();
        String value = uri == null ? null : UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    private record Client(ConcurrentWebSocketSessionDecorator session, Viewer viewer, String user, String device) {

        boolean wants(RecorderLocation location) {
            return viewer.canSee(location.user()) && (user == null || user.equals(location.user()))
                    && (user == null || device == null || device.equals(location.device()));
        }

        void send(String frame) {
            try {
                session.sendMessage(new TextMessage(frame));
            }
            catch (IOException | RuntimeException ex) {
                // closed meanwhile, or too slow (the decorator closes it): the client reconnects
                log.debug("Websocket {} not sent to: {}", session.getId(), ex.toString());
            }
        }
    }
}
