package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person's health was seen to deteriorate. */
@Revision("1")
public record HealthDeteriorationObserved(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        ConditionSeverity severity,
        String observedBy,
        Boolean reportedByHealthStaff,
        Boolean actionTaken) implements RecordedFact {

    public HealthDeteriorationObserved {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
