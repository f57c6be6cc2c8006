package org.casetimeline.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.CaseId;

/**
 * Record one fact of the vocabulary. Every fact is guarded by the same invariants, so one command carries
 * them all; {@code expectedVersion}, when given, refuses the fact if the case moved on since the caller read it.
 */
public record RecordFact(
        @TargetAggregateIdentifier CaseId caseId,
        Long expectedVersion,
        RecordedFact fact) {
}
