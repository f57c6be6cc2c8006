package org.casetimeline.core.command;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.shared.Provenance;

/** Open a case for a detained person. */
public record RegisterPrisoner(
        @TargetAggregateIdentifier CaseId caseId,
        FactId factId,
        Provenance provenance,
        List<String> names,
        Integer birthYear,
        String gender,
        String nationality,
        String occupation,
        Place home,
        String nextOfKin,
        List<String> knownConditions) {
}
