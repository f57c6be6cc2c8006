package org.casetimeline.api.problem;

/** The named case, facility or fact does not exist (or is not visible to the caller). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
