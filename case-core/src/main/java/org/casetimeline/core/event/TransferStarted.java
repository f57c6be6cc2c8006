package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person was taken out of a facility; where to was not known at the time. */
@Revision("1")
public record TransferStarted(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FacilityId fromFacilityId,
        String transportConditions,
        Boolean clothingAdequate) implements RecordedFact {

    public TransferStarted {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
