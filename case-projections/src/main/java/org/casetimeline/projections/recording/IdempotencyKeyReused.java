package org.casetimeline.projections.recording;

/** The same Idempotency-Key came back with a different request body: a client bug, never silently applied. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
