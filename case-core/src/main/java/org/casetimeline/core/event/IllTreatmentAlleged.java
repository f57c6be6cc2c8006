package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Ill-treatment was alleged: beating, stress positions, sexual violence, threats. */
@Revision("1")
public record IllTreatmentAlleged(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String kind,
        String perpetratorUnit,
        String description) implements RecordedFact {

    public IllTreatmentAlleged {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(kind, "kind");
    }
}
