package org.casetimeline.api.cases;

import java.util.List;
import java.util.UUID;

import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
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
}
