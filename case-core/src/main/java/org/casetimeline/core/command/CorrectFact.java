package org.casetimeline.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/** Replace an earlier fact of this case by a corrected one of the same type. */
public record CorrectFact(
        @TargetAggregateIdentifier CaseId caseId,
        Long expectedVersion,
        FactId correctionId,
        FactId correctedFactId,
        String reason,
        Provenance provenance,
        RecordedFact replacement) {
}
