package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Authorities answered an intervention. */
@Revision("1")
public record ResponseReceived(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String respondent,
        String summary) implements RecordedFact {

    public ResponseReceived {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
