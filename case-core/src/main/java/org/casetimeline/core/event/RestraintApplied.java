package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.RestraintKind;

/** An instrument of restraint was used on the person. */
@Revision("1")
public record RestraintApplied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        RestraintKind kind,
        Boolean asSanction,
        String context) implements RecordedFact {

    public RestraintApplied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(kind, "kind");
    }
}
