package io.waymark.dashboard;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The browser dashboard and its live stream.
 *
 * @param tileUrl the map tile URL template ({@code {z}/{x}/{y}}, optionally {@code {s}}); point it
 *     to your own tile server if you do not want to use OpenStreetMap's
 * @param tileAttribution the attribution shown on the map for those tiles (HTML)
 * @param heartbeat how often an idle stream sends a comment, so proxies keep it open and dead
 *     browsers are noticed
 * @param reconnectDelay how long a browser waits before reconnecting a dropped stream
 * @param maxClients how many streams may be open at once; more are refused with 503
 * @param clientQueue how many events may wait for one browser; a browser that falls further
 *     behind is disconnected (it reconnects and re-reads the current state)
 * @param eventQueue how many events may wait to be fanned out; beyond that events are dropped
 *     and every browser is told to re-read the current state
 */
@Validated
@ConfigurationProperties("waymark.dashboard")
record DashboardProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") @NotBlank String tileUrl,
        @DefaultValue("&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors")
        String tileAttribution,
        @DefaultValue("15s") @NotNull Duration heartbeat,
        @DefaultValue("3s") @NotNull Duration reconnectDelay,
        @DefaultValue("100") @Min(1) @Max(10_000) int maxClients,
        @DefaultValue("1000") @Min(1) int clientQueue,
        @DefaultValue("10000") @Min(1) int eventQueue) {
}
