package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Solitary confinement (22 hours or more a day without meaningful human contact) began. */
@Revision("1")
public record SolitaryConfinementImposed(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String reason,
        Integer plannedDays,
        boolean indefinite,
        String authorisedBy,
        String reviewedBy,
        Boolean personToldAndHeard,
        Boolean partOfSentence,
        Boolean forExpression) implements RecordedFact {

    public SolitaryConfinementImposed {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
