package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/**
 * An earlier fact was withdrawn as wrong, or a dispute withdrawn; both stay in the history, and the retracted fact
 * proves nothing (a withdrawn dispute no longer marks its fact disputed).
 */
@Revision("1")
public record EventRetracted(
        CaseId caseId,
        FactId factId,
        Provenance provenance,
        FactId retractedFactId,
        String reason) implements CaseEvent {

    public EventRetracted {
        Facts.require(caseId, "caseId");
        Facts.require(factId, "factId");
        Facts.require(provenance, "provenance");
        Facts.require(retractedFactId, "retractedFactId");
        Facts.require(reason, "reason");
    }
}
