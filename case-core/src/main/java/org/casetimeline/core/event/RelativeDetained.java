package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A relative of the person was detained. */
@Revision("1")
public record RelativeDetained(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String relative,
        String relationship) implements RecordedFact {

    public RelativeDetained {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
