package io.waymark.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waymark's REST API as a client sees it: plain HTTP and JSON, as the {@code admin} user (HTTP
 * Basic with {@link #ADMIN_PASSWORD}) unless {@link #as}, {@link #withToken} or
 * {@link #anonymous} say otherwise.
 */
public final class Api {

    /** The admin password every test's Waymark is started with (application-test.properties, {@link WaymarkApp}). */
    public static final String ADMIN_PASSWORD = "waymark-test-admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    private final String authorization;

    public Api(int port) {
        this("http://127.0.0.1:" + port, basic("admin", ADMIN_PASSWORD));
    }

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same API as {@code user} with HTTP Basic. */
    public Api as(String user, String password) {
        return new Api(base, basic(user, password));
    }

    /** The same API with {@code Authorization: Bearer <token>}. */
    public Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    /** The same API without credentials. */
    public Api anonymous() {
        return new Api(base, null);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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

    /**
     * An OwnTracks app in HTTP mode: {@code POST /pub} with {@code X-Limit-U} / {@code X-Limit-D},
     * logged in as that user (created on first use, see {@link #createUser}), as the app would be.
     */
    public Response pub(String user, String device, String json) {
        return createUser(user).send("POST", "/pub", json, "X-Limit-U", user, "X-Limit-D", device);
    }

    /** Any method; {@code json} (or null for no body) is sent as application/json; headers as name, value, ... */
    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The password of the test users {@link #createUser} creates: one per name, so creating again is harmless. */
    public static String passwordOf(String user) {
        return user + "-test-secret";
    }

    /**
     * Creates the {@code USER} {@code user} with {@link #passwordOf} (as admin; again is harmless)
     * and returns the API as that user.
     */
    public Api createUser(String user) {
        Response response = send("POST", "/api/v1/users",
                "{\"username\":\"" + user + "\",\"password\":\"" + passwordOf(user) + "\",\"role\":\"USER\"}");
        if (response.status() != 201 && response.status() != 409) {
            throw new IllegalStateException("Could not create user " + user + ": " + response.status() + " " + response.body());
        }
        return as(user, passwordOf(user));
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

    /** An {@code Authorization} header value for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public record Response(int status, String contentType, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
