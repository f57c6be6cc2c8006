package org.casetimeline.core.event;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.shared.Provenance;

/** Identity details learned or corrected after registration; null fields are unchanged. */
@Revision("1")
public record PrisonerDetailsAmended(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        List<String> names,
        Integer birthYear,
        String gender,
        String nationality,
        String occupation,
        Place home,
        String nextOfKin,
        List<String> knownConditions) implements RecordedFact {

    public PrisonerDetailsAmended {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        names = Facts.listOf(names, "names");
        knownConditions = Facts.listOf(knownConditions, "knownConditions");
    }
}
