package io.waymark.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;

import io.waymark.account.Viewer;
import io.waymark.owntracks.DeviceId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/import?user=&device=}: a {@code .rec} file, GPX or GeoJSON as the raw
 * request body, its format from {@code format=}, the content type, or its first character. A
 * form-encoded body is refused: the servlet container would consume it as parameters. A user
 * imports only into its own devices; an admin into anyone's.
 */
@RestController
class ImportController {

    private final HistoryImporter importer;

    ImportController(HistoryImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/v1/import", consumes = "!" + MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ImportResult importHistory(Viewer viewer, @RequestParam String user, @RequestParam String device,
            @RequestParam(required = false) String format, HttpServletRequest request) throws IOException {
        DeviceId id = ImportTarget.device(user, device);
        if (!viewer.isSelfOrAdmin(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin imports for another user");
        }
        ImportFormat chosen = format == null ? ImportFormat.of(contentType(request)) : ImportFormat.named(format);
        if (format != null && chosen == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'format' must be rec, gpx or geojson, got '" + format + "'");
        }
        BufferedInputStream body = new BufferedInputStream(request.getInputStream(), 64 * 1024);
        ImportSource source;
        try {
            source = (chosen != null ? chosen : ImportFormat.sniff(body)).open(body);
        }
        catch (IOException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
        }
        ImportTally tally = new ImportTally();
        importer.importFrom(id, source, tally, () -> { });
        return tally.result();
    }

    private static MediaType contentType(HttpServletRequest request) {
        String type = request.getContentType();
        if (!StringUtils.hasText(type)) {
            return null;
        }
        try {
            return MediaType.parseMediaType(type);
        }
        catch (IllegalArgumentException ex) {
            return null; // unreadable: guess from the content
        }
    }
}
