package org.casetimeline.projections.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.event.NamedFacilities;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.springframework.stereotype.Component;

/**
 * Opens a case's file: its events from the store and the facilities they name, folded into a {@link Timeline}.
 * The live projection and every as-of read go through here, so they compute from the same facts.
 */
@Component
public class CaseFiles {

    private final CaseHistory history;
    private final FacilityDirectory facilities;

    public CaseFiles(CaseHistory history, FacilityDirectory facilities) {
        this.history = history;
        this.facilities = facilities;
    }

    /** Every event of the case, unfiltered; empty when no case has this id. */
    public Optional<Timeline> open(CaseId caseId) {
        return history.of(caseId).map(this::timeline);
    }

    /**
     * The case's events up to and including this sequence number, as {@link #open} folds them: the case as it stood
     * at one of its events, though later ones are stored.
     */
    public Optional<Timeline> open(CaseId caseId, long upToSequence) {
        return history.of(caseId).map(recordings -> timeline(
                recordings.stream().filter(recording -> recording.sequence() <= upToSequence).toList()));
    }

    /**
     * A case's stream that the caller already holds, from sequence 0 to the stored head or to the event the caller
     * computes the case at, folded as {@link #open} folds it; empty unless it is a case's stream.
     */
    public Optional<Timeline> of(List<Recording> wholeStream) {
        return CaseHistory.isCase(wholeStream) ? Optional.of(timeline(wholeStream)) : Optional.empty();
    }

    private Timeline timeline(List<Recording> recordings) {
        return Timeline.of(recordings, facilitiesNamedIn(recordings));
    }

    private Map<FacilityId, FacilityRegistered> facilitiesNamedIn(List<Recording> recordings) {
        Map<FacilityId, FacilityRegistered> named = new HashMap<>();
        for (Recording recording : recordings) {
            if (recording.event() instanceof RecordedFact fact) {
                for (FacilityId id : NamedFacilities.in(fact).values()) {
                    if (!named.containsKey(id)) {
                        facilities.find(id).ifPresent(facility -> named.put(id, facility));
                    }
                }
            }
        }
        return named;
    }
}
