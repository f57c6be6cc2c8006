package org.casetimeline.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/** Record that another source contradicts a fact of this case. */
public record DisputeClaim(
        @TargetAggregateIdentifier CaseId caseId,
        Long expectedVersion,
        FactId disputeId,
        FactId disputedFactId,
        String counterClaim,
        Provenance provenance) {
}
