package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.SearchKind;

/** A strip or cavity search was reported, with how it was done. */
@Revision("1")
public record IntrusiveSearchReported(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        SearchKind kind,
        Boolean daily,
        Boolean filmed,
        Boolean inPrivate,
        Boolean sameSexStaff,
        Boolean individualReason) implements RecordedFact {

    public IntrusiveSearchReported {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(kind, "kind");
    }
}
