package org.casetimeline.api.facilities;

import java.util.Locale;
import java.util.UUID;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.command.RegisterFacility;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;

/** The body of {@code POST /api/v1/facilities}. */
public record FacilityRequest(UUID facilityId, String name, String officialCode, FacilityKind kind, String city,
                              String region, String country, Coordinates coordinates, Confidentiality confidentiality) {

    /**
     * The command that registers the facility, for the API, the import and the demo loader alike. A writer may not
     * register a facility above their own clearance: they could neither see it afterwards nor name it in a fact.
     */
    public RegisterFacility toCommand(FacilityId id, Reader writer) {
        if (confidentiality != null && !confidentiality.visibleTo(writer.clearance())) {
            throw InvalidRequest.unprocessable("confidentiality", "above your clearance ("
                    + writer.clearance().name().toLowerCase(Locale.ROOT) + "): you could neither see the"
                    + " facility nor name it in a fact");
        }
        return new RegisterFacility(id, name, officialCode, kind, city, region, country, coordinates, confidentiality);
    }
}
