package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The family was not told of a detention, transfer, illness or death. */
@Revision("1")
public record FamilyNotNotified(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        NoticeSubject about,
        Boolean personPreventedFromTelling) implements RecordedFact {

    public FamilyNotNotified {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(about, "about");
    }
}
