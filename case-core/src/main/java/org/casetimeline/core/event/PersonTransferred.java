package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person was moved from one facility to another. */
@Revision("1")
public record PersonTransferred(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FacilityId fromFacilityId,
        FacilityId toFacilityId,
        Boolean noticeGiven,
        Integer reportedTravelKm,
        String transportConditions,
        Boolean hardshipReported,
        Boolean clothingAdequate) implements RecordedFact {

    public PersonTransferred {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(toFacilityId, "toFacilityId");
    }
}
