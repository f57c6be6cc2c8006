package org.casetimeline.api.facilities;

import java.util.UUID;

import org.casetimeline.core.command.RegisterFacility;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;

/** The body of {@code POST /api/v1/facilities}. */
public record FacilityRequest(UUID facilityId, String name, String officialCode, FacilityKind kind, String city,
                              String region, String country, Coordinates coordinates, Confidentiality confidentiality) {

    /** The command that registers the facility, for the API and the demo loader alike. */
    public RegisterFacility toCommand(FacilityId id) {
        return new RegisterFacility(id, name, officialCode, kind, city, region, country, coordinates, confidentiality);
    }
}
