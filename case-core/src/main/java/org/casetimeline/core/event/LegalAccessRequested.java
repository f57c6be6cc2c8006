package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person or family asked for access to a lawyer. */
@Revision("1")
public record LegalAccessRequested(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String lawyer) implements RecordedFact {

    public LegalAccessRequested {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
