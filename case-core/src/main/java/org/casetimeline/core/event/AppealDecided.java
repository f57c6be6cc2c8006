package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.AppealOutcome;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** An appeal was decided. */
@Revision("1")
public record AppealDecided(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String court,
        AppealOutcome outcome,
        Integer newTermMonths) implements RecordedFact {

    public AppealDecided {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(court, "court");
        Facts.require(outcome, "outcome");
    }
}
