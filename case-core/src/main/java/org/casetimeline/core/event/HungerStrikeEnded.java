package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A hunger strike ended. */
@Revision("1")
public record HungerStrikeEnded(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String outcome) implements RecordedFact {

    public HungerStrikeEnded {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
