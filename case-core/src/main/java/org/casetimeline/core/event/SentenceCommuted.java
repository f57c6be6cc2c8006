package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A sentence was commuted or converted. */
@Revision("1")
public record SentenceCommuted(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String decidedBy,
        String newRegime,
        Integer newTermMonths,
        Boolean nonCustodial) implements RecordedFact {

    public SentenceCommuted {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
