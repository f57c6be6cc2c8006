package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;

/**
 * A place of detention entered the registry; not part of any prisoner's stream. Revision 2 adds who may see it: a
 * site known only from a confidential account (an unofficial place of detention, say) is listed to readers cleared
 * for it alone. Revision 1 has none, and its sites were listed to every viewer: they stay public.
 */
@Revision("2")
public record FacilityRegistered(
        FacilityId facilityId,
        String name,
        String officialCode,
        FacilityKind kind,
        String city,
        String region,
        String country,
        Coordinates coordinates,
        Confidentiality confidentiality) {

    public FacilityRegistered {
        Facts.require(facilityId, "facilityId");
        Facts.require(name, "name");
        Facts.require(kind, "kind");
        Facts.require(country, "country");
    }

    /** Who may see the facility; public for a registration of revision 1, made before facilities had a level. */
    public Confidentiality level() {
        return confidentiality == null ? Confidentiality.PUBLIC : confidentiality;
    }

    public boolean visibleTo(Confidentiality clearance) {
        return level().visibleTo(clearance);
    }
}
