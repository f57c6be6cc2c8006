package org.casetimeline.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/** Withdraw an earlier fact of this case as wrong. */
public record RetractFact(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        FactId retractionId,
        FactId retractedFactId,
        String reason,
        Provenance provenance) {
}
