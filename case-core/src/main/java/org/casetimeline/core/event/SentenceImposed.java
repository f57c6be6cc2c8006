package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A sentence was imposed: its length and regime. */
@Revision("1")
public record SentenceImposed(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String court,
        Integer termMonths,
        String regime,
        Boolean includesSolitary) implements RecordedFact {

    public SentenceImposed {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
