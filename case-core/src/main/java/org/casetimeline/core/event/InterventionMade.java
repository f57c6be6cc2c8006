package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** An intervention was made: a letter, an urgent action, a UN communication. */
@Revision("1")
public record InterventionMade(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String kind,
        String madeBy,
        String addressedTo,
        String responseDueBy) implements RecordedFact {

    public InterventionMade {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(kind, "kind");
    }
}
