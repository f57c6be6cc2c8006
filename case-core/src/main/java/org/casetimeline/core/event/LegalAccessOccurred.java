package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A lawyer met the person. */
@Revision("1")
public record LegalAccessOccurred(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String lawyer,
        Boolean inConfidence) implements RecordedFact {

    public LegalAccessOccurred {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
