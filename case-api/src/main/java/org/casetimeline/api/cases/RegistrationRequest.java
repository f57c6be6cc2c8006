package org.casetimeline.api.cases;

import java.util.List;
import java.util.UUID;

import org.casetimeline.core.command.RegisterPrisoner;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.shared.Source;

/** The body of {@code POST /api/v1/cases}: who the person is, in every script the sources use. */
public record RegistrationRequest(
        UUID caseId,
        List<String> names,
        Integer birthYear,
        String gender,
        String nationality,
        String occupation,
        Place home,
        String nextOfKin,
        List<String> knownConditions,
        List<Source> sources,
        ClaimStatus claim,
        Confidentiality confidentiality) {

    /** The command that opens the case, for the API and the demo loader alike. */
    public RegisterPrisoner toCommand(CaseId caseId, FactId registrationId) {
        return new RegisterPrisoner(caseId, registrationId, FactTranslator.provenance(sources, claim, confidentiality), names,
                birthYear, gender, nationality, occupation, home, nextOfKin, knownConditions);
    }
}
