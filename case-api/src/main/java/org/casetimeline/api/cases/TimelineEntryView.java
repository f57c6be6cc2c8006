package org.casetimeline.api.cases;

import java.util.List;

import org.casetimeline.core.timeline.FactStatus;

/**
 * One fact on a person's timeline, in occurrence order, with what later records say of it: retracted (by whom,
 * when, why), corrected (by which fact), the fact it corrects, the disputes standing against it, and those withdrawn
 * (each with its withdrawal).
 */
public record TimelineEntryView(
        EventView fact,
        FactStatus status,
        boolean approximate,
        EventView retraction,
        EventView correction,
        String correctedBy,
        String corrects,
        List<EventView> disputes,
        List<Withdrawn> withdrawnDisputes) {

    /** A dispute withdrawn, and the retraction that withdrew it. */
    public record Withdrawn(EventView dispute, EventView withdrawal) {
    }
}
