package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A health professional examined the person. */
@Revision("1")
public record MedicalExaminationProvided(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FactId requestFactId,
        String examiner,
        String examinerRole,
        Boolean onAdmission,
        Boolean injuriesObserved,
        Boolean injuriesReported) implements RecordedFact {

    public MedicalExaminationProvided {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
