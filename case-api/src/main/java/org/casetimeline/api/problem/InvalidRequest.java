package org.casetimeline.api.problem;

import org.springframework.http.HttpStatus;

/** A request the API refuses before anything is stored: names the field at fault and why. */
public class InvalidRequest extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public InvalidRequest(HttpStatus status, String field, String reason) {
        super(reason);
        this.status = status;
        this.field = field;
    }

    /** 400: the request is malformed. */
    public static InvalidRequest malformed(String field, String reason) {
        return new InvalidRequest(HttpStatus.BAD_REQUEST, field, reason);
    }

    /** 422: well-formed, but it cannot be recorded (unknown facility, a date in the future...). */
    public static InvalidRequest unprocessable(String field, String reason) {
        return new InvalidRequest(HttpStatus.UNPROCESSABLE_CONTENT, field, reason);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
