package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A parole (early release) application was decided; a refusal is not in itself a breach. */
@Revision("1")
public record ParoleDecided(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        boolean granted,
        String decidedBy) implements RecordedFact {

    public ParoleDecided {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
