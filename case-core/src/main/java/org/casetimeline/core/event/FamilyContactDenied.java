package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Contact with family was denied or banned. */
@Revision("1")
public record FamilyContactDenied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        ContactChannel channel,
        Integer banDays,
        String reason,
        Boolean asSanction) implements RecordedFact {

    public FamilyContactDenied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
