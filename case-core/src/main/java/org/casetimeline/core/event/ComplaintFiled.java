package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A complaint was filed by or for the person. */
@Revision("1")
public record ComplaintFiled(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String filedWith,
        String subject) implements RecordedFact {

    public ComplaintFiled {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
