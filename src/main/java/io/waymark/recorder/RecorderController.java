package io.waymark.recorder;

import java.util.List;
import java.util.Map;

import io.waymark.WaymarkApplication;
import io.waymark.account.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Recorder's {@code version}, {@code list}, {@code last} and {@code monitor}, by GET or POST
 * (the Recorder takes both). {@code locations} is {@link LocationsController}. Each answers with
 * what the viewer may see only: another user's devices are as absent as unknown ones.
 */
@RestController
@RequestMapping(path = "/api/0", method = { RequestMethod.GET, RequestMethod.POST })
class RecorderController {

    private final RecorderQueries queries;

    private final RecorderObjects objects;

    RecorderController(RecorderQueries queries, RecorderObjects objects) {
        this.queries = queries;
        this.objects = objects;
    }

    /** Waymark's version; the OwnTracks Frontend opens its websocket only once this answers. */
    static String version() {
        String version = WaymarkApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    @RequestMapping("/version")
    Map<String, String> version(HttpServletRequest request) {
        return Map.of("version", version(), "git", "waymark");
    }

    /** The users; with {@code user}, that user's devices. */
    @RequestMapping("/list")
    Map<String, List<String>> list(Viewer viewer, HttpServletRequest request) {
        RecorderParameters parameters = RecorderParameters.of(request);
        String user = parameters.user();
        List<String> results = user == null ? viewer.visible(queries.users(), name -> name)
                : viewer.canSee(user) ? queries.devices(user) : List.of();
        return Map.of("results", results);
    }

    /** The last-known location of every device, of one user's, or of one device. */
    @RequestMapping("/last")
    List<ObjectNode> last(Viewer viewer, HttpServletRequest request) {
        RecorderParameters parameters = RecorderParameters.of(request);
        List<String> fields = parameters.fieldList();
        return viewer.visible(queries.last(parameters.user(), parameters.device()), last -> last.location().user())
            .stream()
            .map(last -> objects.select(objects.last(last.location(), last.name(), last.face()), fields))
            .toList();
    }

    /** {@code <epoch seconds> <topic>} of the last message heard, as the Recorder's monitor file. */
    @RequestMapping(path = "/monitor", produces = MediaType.TEXT_PLAIN_VALUE)
    String monitor(Viewer viewer) {
        return queries.lastHeard(viewer).map(h -> h.at().getEpochSecond() + " " + h.topic()).orElse("not available") + "\n";
    }
}
