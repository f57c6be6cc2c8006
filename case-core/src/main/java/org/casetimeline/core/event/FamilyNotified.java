package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The family was told of a detention, transfer, illness or death, naming where the person is. */
@Revision("1")
public record FamilyNotified(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        NoticeSubject about,
        FacilityId namedFacilityId,
        String notifiedBy) implements RecordedFact {

    public FamilyNotified {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(about, "about");
    }
}
