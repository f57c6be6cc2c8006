package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A death, disappearance or serious injury was reported to an independent authority. */
@Revision("1")
public record ReportedToIndependentAuthority(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String authority,
        String about) implements RecordedFact {

    public ReportedToIndependentAuthority {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(authority, "authority");
    }
}
