package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person had contact with family: a visit, a call or a letter. */
@Revision("1")
public record FamilyContactOccurred(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        ContactChannel channel) implements RecordedFact {

    public FamilyContactOccurred {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(channel, "channel");
    }
}
