package org.casetimeline.core.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.ClaimDisputed;
import org.casetimeline.core.event.EventCorrected;
import org.casetimeline.core.event.EventRetracted;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FactId;

/**
 * The confidentiality each event is held at when readers are filtered: its own, raised to that of the fact it
 * retracts, corrects or disputes, and a correction's replacement to that of its correction. The case refuses an
 * amendment below its fact's level; one stored before it did must still not show a hidden fact (a correction carries
 * the whole fact) to readers below that fact's level. Every event of a case is raised to its registration's level
 * too: a fact recorded below its case's would otherwise show a reader not cleared for the case that it exists, and
 * what is on record about the person. Events are given in the order they were stored, an amendment after its fact and
 * every event after its case's registration. Only levels above public are kept, so one instance can follow a whole
 * store.
 */
public final class HeldLevels {

    private final Map<FactId, Confidentiality> abovePublic = new HashMap<>();
    /** The registration's level of each case registered above public, by the case's id as its stream names it. */
    private final Map<String, Confidentiality> casesAbovePublic = new HashMap<>();

    /** Each recording's held level by its event's id; the recordings of one case, in the order they were stored. */
    public static Map<FactId, Confidentiality> byFact(List<Recording> recordings) {
        HeldLevels levels = new HeldLevels();
        Map<FactId, Confidentiality> held = new HashMap<>();
        for (Recording recording : recordings) {
            held.put(recording.event().factId(), levels.of(recording.event()));
        }
        return held;
    }

    /** The level this event is held at. */
    public Confidentiality of(CaseEvent event) {
        FactId amended = event instanceof EventRetracted retracted ? retracted.retractedFactId()
                : event instanceof EventCorrected corrected ? corrected.correctedFactId()
                : event instanceof ClaimDisputed disputed ? disputed.disputedFactId() : null;
        FactId replacement = event instanceof EventCorrected corrected ? corrected.replacementFactId() : null;
        return of(event.caseId().toString(), event instanceof PrisonerRegistered, event.factId(),
                event.provenance().confidentiality(), amended, replacement);
    }

    /**
     * The level an event is held at, from its stream's id, whether it registers a case, its id and own level, the fact
     * it amends (null if none) and, for a correction, the id of the replacement that follows it (null if none); for
     * callers that read stored JSON.
     */
    public Confidentiality of(String stream, boolean registersCase, FactId id, Confidentiality own, FactId amended,
                              FactId replacement) {
        Confidentiality held = max(max(max(own, level(amended)), level(id)),
                casesAbovePublic.getOrDefault(stream, Confidentiality.PUBLIC));
        if (registersCase && held != Confidentiality.PUBLIC) {
            casesAbovePublic.put(stream, held);
        }
        keep(id, held);
        keep(replacement, held);
        return held;
    }

    private Confidentiality level(FactId id) {
        return id == null ? Confidentiality.PUBLIC : abovePublic.getOrDefault(id, Confidentiality.PUBLIC);
    }

    private void keep(FactId id, Confidentiality level) {
        if (id != null && level != Confidentiality.PUBLIC) {
            abovePublic.merge(id, level, HeldLevels::max);
        }
    }

    private static Confidentiality max(Confidentiality a, Confidentiality b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
