package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A request for medical care or hospital transfer was refused. */
@Revision("1")
public record MedicalRequestDenied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FactId requestFactId,
        String reason,
        String deniedBy) implements RecordedFact {

    public MedicalRequestDenied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
