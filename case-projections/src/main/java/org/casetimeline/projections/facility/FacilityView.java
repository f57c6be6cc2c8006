package org.casetimeline.projections.facility;

import java.util.UUID;

/** A place of detention as dashboards list it, with who may see it. */
public record FacilityView(UUID facilityId, String name, String officialCode, String kind, String city,
                           String region, String country, Double latitude, Double longitude, String confidentiality) {
}
