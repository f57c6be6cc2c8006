package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Solitary confinement ended. */
@Revision("1")
public record SolitaryConfinementEnded(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String reason) implements RecordedFact {

    public SolitaryConfinementEnded {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
