package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** An independent forensic examination was refused. */
@Revision("1")
public record ForensicExaminationRefused(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String requestedBy,
        String refusedBy) implements RecordedFact {

    public ForensicExaminationRefused {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
