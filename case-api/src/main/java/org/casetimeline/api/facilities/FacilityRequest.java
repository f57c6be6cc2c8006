package org.casetimeline.api.facilities;

import java.util.UUID;

import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityKind;

/** The body of {@code POST /api/v1/facilities}. */
public record FacilityRequest(UUID facilityId, String name, String officialCode, FacilityKind kind, String city,
                              String region, String country, Coordinates coordinates) {
}
