package io.waymark.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few Waymark REST calls the benchmark needs. */
final class WaymarkApi {

    final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    final String baseUrl;

    WaymarkApi(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** HTTP basic credentials for every REST call, from the environment (none by default). */
    private static final String USER = System.getenv().getOrDefault("BENCH_API_USER", "");

    private static final String PASSWORD = System.getenv().getOrDefault("BENCH_API_PASSWORD", "");

    HttpRequest request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .GET();
        String authorization = authorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    /** The Authorization header of every REST call; null without credentials. */
    static String authorization() {
        return USER.isEmpty() ? null : "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private String get(String path, boolean allow404) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 && allow404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " → HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A counter's COUNT from /actuator/metrics; 0 while the meter does not exist yet. */
    double metricCount(String name, String tag) throws IOException, InterruptedException {
        return metric(name, tag, "COUNT");
    }

    double metric(String name, String tag, String statistic) throws IOException, InterruptedException {
        String body = get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + enc(tag)), true);
        if (body == null) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(body);
        for (Object m : (List<?>) json.get("measurements")) {
            Map<?, ?> measurement = (Map<?, ?>) m;
            if (statistic.equals(measurement.get("statistic"))) {
                return (Double) measurement.get("value");
            }
        }
        return 0;
    }

    /** device name → last-known tst (-1 without a location) of one user's devices. */
    Map<String, Long> lastKnownTst(String user) throws IOException, InterruptedException {
        List<?> devices = (List<?>) Json.parse(get("/api/v1/devices?user=" + enc(user), false));
        Map<String, Long> result = new HashMap<>();
        for (Object d : devices) {
            Map<?, ?> device = (Map<?, ?>) d;
            Map<?, ?> location = (Map<?, ?>) device.get("location");
            Object tst = location == null ? null : location.get("tst");
            result.put((String) device.get("device"), tst == null ? -1L : ((Double) tst).longValue());
        }
        return result;
    }

    /** Every stored tst of a device's history from {@code from} (epoch seconds) until now, as stored. */
    List<Long> locationTsts(String user, String device, long from) throws IOException, InterruptedException {
        List<?> rows = (List<?>) Json.parse(get("/api/v1/devices/" + enc(user) + "/" + enc(device) + "/locations?from="
                + from + "&limit=100000", false));
        List<Long> tsts = new ArrayList<>(rows.size());
        for (Object row : rows) {
            tsts.add(((Double) ((Map<?, ?>) row).get("tst")).longValue());
        }
        return tsts;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
