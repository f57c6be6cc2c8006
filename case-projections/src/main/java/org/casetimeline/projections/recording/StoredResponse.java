package org.casetimeline.projections.recording;

/** The first answer given to a request with an Idempotency-Key, replayed verbatim to its retries. */
public record StoredResponse(int status, String body, String etag, String location) {
}
