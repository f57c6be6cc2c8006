package org.casetimeline.core.timeline;

import java.time.Instant;

import org.casetimeline.core.event.CaseEvent;

/** An event as the store holds it: its place in the case's stream, when it was recorded and by whom. */
public record Recording(CaseEvent event, long sequence, Instant recordedAt, String recordedBy) {
}
