package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A lawyer was denied access to the person. */
@Revision("1")
public record LegalAccessDenied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String lawyer,
        String reason) implements RecordedFact {

    public LegalAccessDenied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
