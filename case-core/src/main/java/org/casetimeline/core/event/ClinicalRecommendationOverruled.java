package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A clinical recommendation was overruled by someone who is not a health professional. */
@Revision("1")
public record ClinicalRecommendationOverruled(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String recommendation,
        String overruledBy) implements RecordedFact {

    public ClinicalRecommendationOverruled {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(recommendation, "recommendation");
    }
}
