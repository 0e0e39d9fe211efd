package io.waymark.dashboard;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.waymark.owntracks.DeviceId;
import io.waymark.support.Api;
import io.waymark.owntracks.Location;
import io.waymark.tracking.LocationStored;
import io.waymark.tracking.ReceivedLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stream's fan-out: a browser that stops reading is dropped, and publishing never waits for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.broker.port=0",
        "spring.datasource.url=jdbc:h2:mem:dash-stream;DB_CLOSE_DELAY=-1",
        "waymark.dashboard.client-queue=100", "waymark.security.admin-password=" + Api.ADMIN_PASSWORD })
class DashboardStreamTest {

    @TempDir
    static Path temp;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private DashboardStream stream;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void brokerDataPath(DynamicPropertyRegistry registry) {
        registry.add("waymark.broker.data-path", () -> temp.resolve("broker").toString());
    }

    @Test
    void browserThatStopsReadingIsDroppedWithoutSlowingPublishers() throws Exception {
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", port));
            stalled.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: " + Api.basic("admin", Api.ADMIN_PASSWORD)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.openStreams() == 1);

            // never read from it again, and publish far more than its socket and queue hold
            long started = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                events.publishEvent(stored("slow", "phone", 10 + i * 1e-6));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.openStreams() == 0);
        }
    }

    @Test
    void streamSendsLocationEventsAsJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
            .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD))
            .build();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.openStreams() >= 1);
        assertThat(response.get().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        events.publishEvent(stored("json", "phone", 52.5));

        Stream<String> lines = response.get().body();
        List<String> frame = CompletableFuture
            .supplyAsync(() -> lines.dropWhile(line -> !line.equals("event:location")).limit(2).toList())
            .get(10, TimeUnit.SECONDS);
        assertThat(frame.get(1)).startsWith("data:{")
            .contains("\"user\":\"json\"", "\"device\":\"phone\"", "\"tid\":\"ne\"", "\"lastKnown\":true",
                    "\"lat\":52.5", "\"batt\":80", "\"time\":\"2026-11-25T08:00:00Z\"");
        lines.close();
    }

    private static LocationStored stored(String user, String device, double lat) {
        Location location = new Location(lat, 13.4, 1795593600L, 10, null, null, 5, null, 80, 1, null, null, "w",
                List.of("Home"), List.of(), null, null, null, null, null);
        return new LocationStored(new ReceivedLocation(new DeviceId(user, device), location, Instant.now(),
                "owntracks/" + user + "/" + device, "{}"), true);
    }
}
