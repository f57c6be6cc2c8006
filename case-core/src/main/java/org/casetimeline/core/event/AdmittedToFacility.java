package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person was admitted to a facility at the end of a transfer. */
@Revision("1")
public record AdmittedToFacility(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FacilityId facilityId) implements RecordedFact {

    public AdmittedToFacility {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(facilityId, "facilityId");
    }
}
