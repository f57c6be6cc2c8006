package org.casetimeline.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/** Withdraw an earlier fact of this case as wrong. */
public record RetractFact(
        @TargetAggregateIdentifier CaseId caseId,
        Long expectedVersion,
        FactId retractionId,
        FactId retractedFactId,
        String reason,
        Provenance provenance) {
}
