package io.waymark.tracking;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.waymark.account.Viewer;
import io.waymark.device.DeviceQueries;
import io.waymark.tracking.LocationExportRequest.Window;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * GeoJSON, GPX and CSV exports of a device's history, beside the JSON answer on the same path:
 * chosen by {@code format=} (which wins) or by the {@code Accept} header. The document is
 * written while the rows are read, straight to the response, so its size is not bounded by
 * memory. It is written on the request thread rather than as an async
 * {@code StreamingResponseBody}, whose servlet async timeout would cut long exports short.
 */
@RestController
@RequestMapping("/api/v1/devices/{user}/{device}/locations")
class LocationExportController {

    private final LocationExportQuery query;

    private final DeviceQueries devices;

    private final Clock clock;

    LocationExportController(LocationExportQuery query, DeviceQueries devices, Clock clock) {
        this.query = query;
        this.devices = devices;
        this.clock = clock;
    }

    @GetMapping(params = "format=geojson")
    void geoJson(Viewer viewer, LocationExportRequest request, HttpServletResponse response) throws IOException {
        export(viewer, LocationExportFormat.GEOJSON, request, response);
    }

    @GetMapping(params = "format=gpx")
    void gpx(Viewer viewer, LocationExportRequest request, HttpServletResponse response) throws IOException {
        export(viewer, LocationExportFormat.GPX, request, response);
    }

    @GetMapping(params = "format=csv")
    void csv(Viewer viewer, LocationExportRequest request, HttpServletResponse response) throws IOException {
        export(viewer, LocationExportFormat.CSV, request, response);
    }

    /** {@code format=json} (or none) is the JSON answer's; anything else is a mistake. */
    @GetMapping(params = { "format", "format!=json", "format!=geojson", "format!=gpx", "format!=csv" })
    void unknownFormat() {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'format' must be json, geojson, gpx or csv");
    }

    @GetMapping(produces = LocationExportFormat.GEOJSON_TYPE)
    void acceptsGeoJson(Viewer viewer, LocationExportRequest request, HttpServletResponse response) throws IOException {
        export(viewer, LocationExportFormat.GEOJSON, request, response);
    }

    @GetMapping(produces = LocationExportFormat.GPX_TYPE)
    void acceptsGpx(Viewer viewer, LocationExportRequest request, HttpServletResponse response) throws IOException {
        export(viewer, LocationExportFormat.GPX, request, response);
    }

    @GetMapping(produces = LocationExportFormat.CSV_TYPE)
    void acceptsCsv(Viewer viewer, LocationExportRequest request, HttpServletResponse response) throws IOException {
        export(viewer, LocationExportFormat.CSV, request, response);
    }

    private void export(Viewer viewer, LocationExportFormat format, LocationExportRequest request,
            HttpServletResponse response) throws IOException {
        Window window = request.window(clock);
        devices.known(viewer, window.device().user(), window.device().device()); // unknown or not visible: 404
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + format.fileName(window.device()) + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        LocationExportWriter writer = format.writer(out, window.device(), clock.instant());
        writer.begin();
        query.export(window.device(), window.from(), window.to(), window.limit(), writer);
        writer.end();
        out.flush();
    }
}
