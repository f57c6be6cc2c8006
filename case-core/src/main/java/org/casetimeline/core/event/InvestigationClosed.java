package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** An investigation was closed. */
@Revision("1")
public record InvestigationClosed(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FactId allegationFactId,
        String outcome,
        Boolean familyInformed) implements RecordedFact {

    public InvestigationClosed {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
