package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/**
 * An earlier fact was corrected. The corrected version is the fact {@code replacementFactId}, recorded right
 * after this event with the same type; the original stays in the history, superseded.
 */
@Revision("1")
public record EventCorrected(
        CaseId caseId,
        FactId factId,
        Provenance provenance,
        FactId correctedFactId,
        FactId replacementFactId,
        String reason) implements CaseEvent {

    public EventCorrected {
        Facts.require(caseId, "caseId");
        Facts.require(factId, "factId");
        Facts.require(provenance, "provenance");
        Facts.require(correctedFactId, "correctedFactId");
        Facts.require(replacementFactId, "replacementFactId");
        Facts.require(reason, "reason");
    }
}
