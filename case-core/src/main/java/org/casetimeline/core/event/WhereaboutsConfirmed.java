package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Where the person is held was confirmed; only an official confirmation or a contact with the person ends an enforced disappearance. */
@Revision("1")
public record WhereaboutsConfirmed(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FacilityId facilityId,
        boolean official,
        String confirmedBy) implements RecordedFact {

    public WhereaboutsConfirmed {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
