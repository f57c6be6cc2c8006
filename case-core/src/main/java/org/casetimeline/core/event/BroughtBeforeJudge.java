package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person was brought before a judge or other judicial authority. */
@Revision("1")
public record BroughtBeforeJudge(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String court,
        String outcome) implements RecordedFact {

    public BroughtBeforeJudge {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(court, "court");
    }
}
