package io.waymark.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls with the headers a test chooses (Accept, Content-Type) and streamed
 * answers, for what {@link Api}'s simple GETs cannot express.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();

    private final String base;

    /** As the admin, like {@link Api}. */
    private static final String ADMIN = Api.basic("admin", Api.ADMIN_PASSWORD);

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** GET with an Accept header (none when null). */
    public Answer get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", ADMIN).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), header(response, "Content-Type"),
                header(response, "Content-Disposition"), response.body());
    }

    /** GET whose body is read as it arrives, for answers too big to hold. */
    public HttpResponse<InputStream> stream(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** POST of a body with a Content-Type (none when null). */
    public Answer post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", ADMIN)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), header(response, "Content-Type"), null, response.body());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public record Answer(int status, String contentType, String disposition, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
