package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.ReleaseKind;

/** The person left custody. */
@Revision("1")
public record PersonReleased(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        ReleaseKind kind,
        Boolean onHealthGrounds) implements RecordedFact {

    public PersonReleased {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(kind, "kind");
    }
}
