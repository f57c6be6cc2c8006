package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A complaint was answered. */
@Revision("1")
public record ComplaintAnswered(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FactId complaintFactId,
        String outcome) implements RecordedFact {

    public ComplaintAnswered {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
