package org.casetimeline.api.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** A request the API refuses before anything is stored: names the field at fault and why. */
public class InvalidRequest extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final Duration retryAfter;

    public InvalidRequest(HttpStatus status, String field, String reason) {
        this(status, field, reason, null);
    }

    private InvalidRequest(HttpStatus status, String field, String reason, Duration retryAfter) {
        super(reason);
        this.status = status;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** 429 with a Retry-After: the node is busy with this kind of request, likely for {@code retryAfter} more. */
    public static InvalidRequest busy(String reason, Duration retryAfter) {
        return new InvalidRequest(HttpStatus.TOO_MANY_REQUESTS, null, reason, retryAfter);
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

    /** When to ask again, or null when the refusal does not pass with time. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
