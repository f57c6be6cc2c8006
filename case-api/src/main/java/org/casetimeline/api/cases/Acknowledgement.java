package org.casetimeline.api.cases;

import java.time.Instant;

/** The answer to an accepted write: the event's id, its place in the case's stream and when it was recorded. */
public record Acknowledgement(String caseId, String eventId, String type, long sequence, Instant recordedAt) {
}
