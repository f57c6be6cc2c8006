package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Family or lawyers report they do not know where the person is held. */
@Revision("1")
public record WhereaboutsUnknownReported(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String reportedBy) implements RecordedFact {

    public WhereaboutsUnknownReported {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
