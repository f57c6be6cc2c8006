package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** An investigation into alleged ill-treatment was opened. */
@Revision("1")
public record InvestigationOpened(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FactId allegationFactId,
        String body,
        Boolean independent) implements RecordedFact {

    public InvestigationOpened {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(body, "body");
    }
}
