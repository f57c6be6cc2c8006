package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A close relative of the person fell seriously ill or died. */
@Revision("1")
public record RelativeSeriouslyIllOrDied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String relative,
        String relationship,
        boolean died) implements RecordedFact {

    public RelativeSeriouslyIllOrDied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
