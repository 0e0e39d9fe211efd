package io.waymark.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import io.waymark.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One open {@code /api/v1/stream}, read in the background: every event it carried, in order. */
final class StreamRecorder implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private volatile boolean open;

    private StreamRecorder(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
            .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD))
            .build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            open = true;
            String[] name = { null };
            r.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6);
                }
                else if (line.startsWith("data:") && name[0] != null) {
                    events.add(new Event(name[0], JSON.readTree(line.substring(5))));
                    name[0] = null;
                }
            });
        });
    }

    static StreamRecorder open(int port) {
        return new StreamRecorder(port);
    }

    boolean isOpen() {
        return open;
    }

    /** {@code user/device/tst} of every location event. */
    List<String> locations() {
        return events.stream().filter(e -> e.name().equals("location"))
            .map(e -> e.data().get("user").asString() + "/" + e.data().get("device").asString() + "/"
                    + e.data().get("location").get("tst").asLong())
            .toList();
    }

    /** {@code state/reason} of every presence event of one device. */
    List<String> presence(String user, String device) {
        return events.stream().filter(e -> e.name().equals("presence"))
            .filter(e -> e.data().get("user").asString().equals(user) && e.data().get("device").asString().equals(device))
            .map(e -> e.data().get("presence").get("state").asString() + "/"
                    + e.data().get("presence").get("reason").asString())
            .toList();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }

    record Event(String name, JsonNode data) {
    }
}
