package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person died. */
@Revision("1")
public record PersonDied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        Boolean inCustody,
        String place,
        String reportedCause,
        Boolean causeDisputed,
        Boolean nextOfKinInformed,
        Boolean bodyReturned) implements RecordedFact {

    public PersonDied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
