package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The person began a hunger strike. */
@Revision("1")
public record HungerStrikeStarted(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String demands) implements RecordedFact {

    public HungerStrikeStarted {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
