package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A monitoring body visited: national preventive mechanism, UN, ombudsman. */
@Revision("1")
public record MonitoringVisitMade(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String visitingBody,
        String findings) implements RecordedFact {

    public MonitoringVisitMade {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(visitingBody, "visitingBody");
    }
}
