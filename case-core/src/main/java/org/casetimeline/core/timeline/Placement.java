package org.casetimeline.core.timeline;

import java.time.Instant;

import org.casetimeline.core.shared.FacilityId;

/**
 * A stretch of time the person spent in one place of detention (or in transit, when {@code facilityId} is
 * null), from the fact that put them there to the fact that ended it ({@code end} null while it lasts).
 */
public record Placement(FacilityId facilityId, TimelineFact start, TimelineFact end) {

    public boolean inTransit() {
        return facilityId == null;
    }

    public boolean covers(Instant instant) {
        return !start.earliest().isAfter(instant) && (end == null || end.earliest().isAfter(instant));
    }
}
