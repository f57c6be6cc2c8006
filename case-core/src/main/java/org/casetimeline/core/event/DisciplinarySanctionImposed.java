package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A disciplinary sanction was imposed. */
@Revision("1")
public record DisciplinarySanctionImposed(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String sanction,
        String reason,
        Boolean personInformed,
        Boolean hearingHeld) implements RecordedFact {

    public DisciplinarySanctionImposed {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(sanction, "sanction");
    }
}
