package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The authorities refused to say where the person is held. */
@Revision("1")
public record WhereaboutsInquiryRefused(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String inquirer,
        String authority) implements RecordedFact {

    public WhereaboutsInquiryRefused {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
