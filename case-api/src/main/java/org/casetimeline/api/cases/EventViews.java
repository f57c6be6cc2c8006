package org.casetimeline.api.cases;

import java.util.Set;

import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.timeline.Recording;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Renders stored events for readers: the envelope as named fields, the event's own fields under {@code data}. */
@Component
public class EventViews {

    private static final Set<String> ENVELOPE = Set.of("caseId", "factId", "occurred", "provenance");

    private final JsonMapper json;

    public EventViews(JsonMapper json) {
        this.json = json;
    }

    /** The event as stored, shown at {@code level}: the level it is held at for readers ({@code Timeline#heldLevel}). */
    public EventView of(Recording recording, Confidentiality level) {
        CaseEvent event = recording.event();
        ObjectNode data = json.valueToTree(event);
        ENVELOPE.forEach(data::remove);
        String at = null;
        String until = null;
        if (event instanceof RecordedFact fact) {
            at = fact.occurred().at();
            until = fact.occurred().until();
        }
        return new EventView(event.factId().toString(), recording.sequence(), event.getClass().getSimpleName(), at, until,
                event instanceof RecordedFact fact ? fact.occurred().precision() : null,
                recording.recordedAt(), recording.recordedBy(), event.provenance().sources(),
                event.provenance().claim(), level, data);
    }
}
