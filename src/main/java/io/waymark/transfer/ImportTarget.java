package io.waymark.transfer;

import io.waymark.owntracks.DeviceId;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The device an import is for, checked as a topic level would be. */
final class ImportTarget {

    private static final int MAX_NAME = 128;

    private ImportTarget() {
    }

    static DeviceId device(String user, String device) {
        check("user", user);
        check("device", device);
        return new DeviceId(user, device);
    }

    private static void check(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME || value.chars().anyMatch(c -> c == '/'
                || c == '+' || c == '#')) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + name + "' must be a topic level:"
                    + " 1 to " + MAX_NAME + " characters without '/', '+' or '#', got '" + value + "'");
        }
    }
}
