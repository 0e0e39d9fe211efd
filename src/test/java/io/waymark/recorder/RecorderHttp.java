package io.waymark.recorder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import io.waymark.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/0} as a Recorder client calls it: GET with a query, POST with a form, headers. */
final class RecorderHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String base;

    /** As the admin, who sees every user (the Frontend behind a proxy passes its user's credentials). */
    private static final String ADMIN = Api.basic("admin", Api.ADMIN_PASSWORD);

    RecorderHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET()
            .header("Authorization", ADMIN);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    Answer postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", ADMIN)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Access-Control-Allow-Origin").orElse(null), response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Answer(int status, String contentType, String allowOrigin, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The JSON body of a 200 answer. */
        JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("expected 200, got " + status + ": " + body);
            }
            return json();
        }
    }
}
