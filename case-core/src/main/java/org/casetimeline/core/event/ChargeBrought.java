package org.casetimeline.core.event;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Charges were brought, under which articles; whether the person was told of them. */
@Revision("1")
public record ChargeBrought(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        List<String> articles,
        String authority,
        Boolean personInformed) implements RecordedFact {

    public ChargeBrought {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        articles = Facts.listOf(articles, "articles");
    }
}
