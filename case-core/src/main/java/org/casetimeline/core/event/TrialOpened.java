package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A trial opened. */
@Revision("1")
public record TrialOpened(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String court) implements RecordedFact {

    public TrialOpened {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(court, "court");
    }
}
