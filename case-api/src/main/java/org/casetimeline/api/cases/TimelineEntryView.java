package org.casetimeline.api.cases;

import java.util.List;

import org.casetimeline.core.timeline.FactStatus;

/**
 * One fact on a person's timeline, in occurrence order, with what later records say of it: retracted (by whom,
 * when, why), corrected (by which fact), the fact it corrects, and the disputes raised against it.
 */
public record TimelineEntryView(
        EventView fact,
        FactStatus status,
        boolean approximate,
        EventView retraction,
        EventView correction,
        String correctedBy,
        String corrects,
        List<EventView> disputes) {
}
