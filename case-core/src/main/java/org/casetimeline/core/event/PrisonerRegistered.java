package org.casetimeline.core.event;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.shared.Provenance;

/** A case was opened for a person: names in every script the sources use, home, next of kin, known conditions. */
@Revision("1")
public record PrisonerRegistered(
        CaseId caseId,
        FactId factId,
        Provenance provenance,
        List<String> names,
        Integer birthYear,
        String gender,
        String nationality,
        String occupation,
        Place home,
        String nextOfKin,
        List<String> knownConditions) implements CaseEvent {

    public PrisonerRegistered {
        Facts.require(caseId, "caseId");
        Facts.require(factId, "factId");
        Facts.require(provenance, "provenance");
        names = Facts.listOf(names, "names");
        if (names.isEmpty() || names.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new org.casetimeline.core.shared.InvalidFact("names", "at least one name is required, and no name may be blank");
        }
        knownConditions = Facts.listOf(knownConditions, "knownConditions");
    }
}
