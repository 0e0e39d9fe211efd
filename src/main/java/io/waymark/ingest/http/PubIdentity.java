package io.waymark.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.waymark.owntracks.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who a {@code /pub} request publishes as, the way the apps and the OwnTracks Recorder say it:
 * the user from {@code X-Limit-U}, else {@code ?u=}, else the HTTP Basic user name; the device
 * from {@code X-Limit-D}, else {@code ?d=}. Checking the Basic password is not done here: that is
 * authentication's job, which hands {@link #mayPublish} the name it verified.
 */
final class PubIdentity {

    private static final Logger log = LoggerFactory.getLogger(PubIdentity.class);

    private PubIdentity() {
    }

    static DeviceId resolve(String headerUser, String headerDevice, String queryUser, String queryDevice,
            String authorization) {
        String user = first(headerUser, queryUser, basicUserName(authorization));
        String device = first(headerDevice, queryDevice, null);
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "no user: send X-Limit-U, ?u= or HTTP Basic credentials");
        }
        if (device == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no device: send X-Limit-D or ?d=");
        }
        if (!valid(user) || !valid(device)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "user and device must not contain '/', '+' or '#', got '" + user + "/" + device + "'");
        }
        return new DeviceId(user, device);
    }

    /**
     * A user may publish only as itself.
     *
     * @param authenticatedName the user name authentication verified, {@code null} when security is off
     * @throws ResponseStatusException 403 when it names someone else
     */
    static void mayPublish(String authenticatedName, DeviceId device) {
        if (authenticatedName != null && !authenticatedName.equals(device.user())) {
            log.warn("/pub: '{}' tried to publish as '{}'; refused", authenticatedName, device.user());
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "'" + authenticatedName + "' may not publish as '" + device.user() + "'");
        }
    }

    /** The user name of an HTTP Basic {@code Authorization} header, else null. */
    static String basicUserName(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String name = colon < 0 ? decoded : decoded.substring(0, colon);
            return name.isEmpty() ? null : name;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static boolean valid(String name) {
        return name.length() <= 128 && name.chars().noneMatch(c -> c == '/' || c == '+' || c == '#');
    }

    private static String first(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return c;
    }
}
