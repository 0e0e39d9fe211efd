package io.waymark.device;

import io.waymark.owntracks.DeviceId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A REST call named a device Waymark has never heard of, or one the caller may not see: the same
 * 404, as problem+json.
 */
public class UnknownDeviceException extends ErrorResponseException {

    public UnknownDeviceException(DeviceId id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "device '" + id + "' is unknown"), null);
    }
}
