package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person was told of a close relative's serious illness or death. */
@Revision("1")
public record PersonToldOfRelativeNews(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        FactId newsFactId) implements RecordedFact {

    public PersonToldOfRelativeNews {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
