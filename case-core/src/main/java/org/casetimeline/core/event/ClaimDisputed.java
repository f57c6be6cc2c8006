package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/** Another source contradicts a recorded fact; both stay on the timeline and the fact is marked disputed. */
@Revision("1")
public record ClaimDisputed(
        CaseId caseId,
        FactId factId,
        Provenance provenance,
        FactId disputedFactId,
        String counterClaim) implements CaseEvent {

    public ClaimDisputed {
        Facts.require(caseId, "caseId");
        Facts.require(factId, "factId");
        Facts.require(provenance, "provenance");
        Facts.require(disputedFactId, "disputedFactId");
        Facts.require(counterClaim, "counterClaim");
    }
}
