package io.waymark.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Waymark's REST API as a client sees it: plain HTTP and JSON. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public JsonNode get(String path) {
        Response response = call(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    public Response call(String path) {
        return send("GET", path, null);
    }

    /** The body of a {@code GET} that must answer 200 with {@code contentType}, as bytes. */
    public byte[] bytes(String path, String contentType) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || !contentType.equals(response.headers().firstValue("Content-Type").orElse(""))) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " "
                        + response.headers().firstValue("Content-Type").orElse(""));
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** {@code method path} with a JSON (or any) body and headers given as name, value, name, value... */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An OwnTracks app in HTTP mode: {@code POST /pub} with {@code X-Limit-U} / {@code X-Limit-D}. */
    public Response pub(String user, String device, String json) {
        return send("POST", "/pub", json, "X-Limit-U", user, "X-Limit-D", device);
    }

    /** The device, or null when the API does not know it (yet). */
    public JsonNode device(String user, String device) {
        Response response = call("/api/v1/devices/" + user + "/" + device);
        return response.status() == 200 ? response.json() : null;
    }

    public double counter(String metric, String tag) {
        Response response = call("/actuator/metrics/" + metric + (tag == null ? "" : "?tag=" + tag));
        return response.status() == 200 ? response.json().get("measurements").get(0).get("value").asDouble() : 0;
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
