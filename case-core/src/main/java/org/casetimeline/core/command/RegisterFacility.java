package org.casetimeline.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;

/** Enter a place of detention into the registry, saying who may see it. */
public record RegisterFacility(
        @TargetAggregateIdentifier FacilityId facilityId,
        String name,
        String officialCode,
        FacilityKind kind,
        String city,
        String region,
        String country,
        Coordinates coordinates,
        Confidentiality confidentiality) {
}
