package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person was deprived of liberty, by whom and where first held. */
@Revision("1")
public record PersonDetained(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String authority,
        FacilityId facilityId,
        String grounds) implements RecordedFact {

    public PersonDetained {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(authority, "authority");
    }
}
