package org.casetimeline.core.event;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** A court convicted the person. */
@Revision("1")
public record PersonConvicted(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String court,
        List<String> articles) implements RecordedFact {

    public PersonConvicted {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(court, "court");
        articles = Facts.listOf(articles, "articles");
    }
}
