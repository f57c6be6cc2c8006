package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person or others asked for medical care. */
@Revision("1")
public record MedicalRequestMade(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String request,
        Boolean urgent,
        Boolean hospitalTransferRequested) implements RecordedFact {

    public MedicalRequestMade {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
