package io.waymark.recorder;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

import io.waymark.account.Viewer;
import io.waymark.recorder.RecorderParameters.TimeRange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/0/locations}: one device's history in the Recorder's formats, streamed from the
 * database to the client point by point. A device the viewer may not see has no points, as an
 * unknown one.
 */
@RestController
class LocationsController {

    private final RecorderQueries queries;

    private final RecorderObjects objects;

    private final JsonMapper json;

    private final Clock clock;

    LocationsController(RecorderQueries queries, RecorderObjects objects, JsonMapper json, Clock clock) {
        this.queries = queries;
        this.objects = objects;
        this.json = json;
        this.clock = clock;
    }

    @RequestMapping(path = "/api/0/locations", method = { RequestMethod.GET, RequestMethod.POST })
    void locations(Viewer viewer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // every parameter is checked before the first byte, so a bad one still gets a problem
        RecorderParameters parameters = RecorderParameters.of(request);
        LocationFormat format = parameters.formatValue();
        int limit = parameters.limitValue();
        parameters.requireUserAndDevice();
        TimeRange range = parameters.range(clock.instant());
        List<String> fields = parameters.fieldList();

        response.setContentType(format.contentType());
        OutputStream out = response.getOutputStream();
        LocationWriter writer = LocationWriter.of(format, out, json, fields, RecorderController.version());
        if (viewer.canSee(parameters.user())) {
            queries.locations(parameters.user(), parameters.device(), range.from(), range.to(), limit, location -> {
                ObjectNode point = objects.point(location);
                writer.write(format.selectsFields() ? objects.select(point, fields) : point);
            });
        }
        writer.finish();
    }
}
