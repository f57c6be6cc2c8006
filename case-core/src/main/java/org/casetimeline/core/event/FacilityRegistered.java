package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;

/** A place of detention entered the registry; not part of any prisoner's stream. */
@Revision("1")
public record FacilityRegistered(
        FacilityId facilityId,
        String name,
        String officialCode,
        FacilityKind kind,
        String city,
        String region,
        String country,
        Coordinates coordinates) {

    public FacilityRegistered {
        Facts.require(facilityId, "facilityId");
        Facts.require(name, "name");
        Facts.require(kind, "kind");
        Facts.require(country, "country");
    }
}
