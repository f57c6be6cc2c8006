package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A medical condition or disability was reported. */
@Revision("1")
public record MedicalConditionReported(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String condition,
        Boolean disability,
        ConditionSeverity severity) implements RecordedFact {

    public MedicalConditionReported {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(condition, "condition");
    }
}
