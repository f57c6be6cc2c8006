package org.casetimeline.api.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casetimeline.api.problem.NotFound;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;
import org.casetimeline.projections.casefile.CaseFiles;
import org.casetimeline.projections.status.CaseEvaluation;
import org.casetimeline.projections.status.CaseEvaluator;
import org.springframework.stereotype.Component;

/**
 * Reads a case as a given reader may see it, as of any date ({@code asOf}, by occurrence) and as known at any
 * instant ({@code knownAt}, by recording): the same evaluation the live projection runs, on fewer facts.
 */
@Component
public class CaseReading {

    private final CaseFiles files;
    private final CaseEvaluator evaluator;
    private final EventViews views;
    private final Clock clock;

    public CaseReading(CaseFiles files, CaseEvaluator evaluator, EventViews views, Clock clock) {
        this.files = files;
        this.evaluator = evaluator;
        this.views = views;
        this.clock = clock;
    }

    public Timeline timeline(UUID caseId, Reader reader, Instant knownAt) {
        Timeline timeline = files.open(new CaseId(caseId)).orElseThrow(() -> new NotFound("No case " + caseId + "."));
        // filtered by clearance first, so that each event's held level comes from the whole stream
        timeline = timeline.visibleTo(reader.clearance());
        if (knownAt != null) {
            timeline = timeline.knownAt(knownAt);
        }
        if (timeline.registration().isEmpty()) {
            throw new NotFound("No case " + caseId + ".");
        }
        return timeline;
    }

    /**
     * The case as of {@code asOf}; without one, as of when {@code knownAt} names, or now. A {@code knownAt} after now
     * knows all there is, and the case is read as of now: never evaluated ahead of the clock.
     */
    public CaseEvaluation evaluate(UUID caseId, Reader reader, Instant asOf, Instant knownAt) {
        Instant now = clock.instant();
        Instant at = asOf != null ? asOf : knownAt != null && knownAt.isBefore(now) ? knownAt : now;
        return evaluator.evaluate(caseId.toString(), timeline(caseId, reader, knownAt), at, knownAt);
    }

    /** A timeline already read, evaluated as of now: for a document whose every part must come from one read. */
    public CaseEvaluation evaluate(UUID caseId, Timeline timeline) {
        return evaluator.evaluate(caseId.toString(), timeline, clock.instant(), null);
    }

    /** The case's events in recording order, as auditors and exports read them. */
    public List<EventView> events(Timeline timeline) {
        return timeline.recordings().stream().map(recording -> views.of(recording, timeline.heldLevel(recording))).toList();
    }

    /** The timeline's entries; who recorded each is shown only when {@code whoRecorded} (AccessPolicy#seesWhoRecorded). */
    public List<TimelineEntryView> entries(Timeline timeline, Instant asOf, boolean whoRecorded) {
        List<TimelineFact> facts = asOf == null ? timeline.all()
                : timeline.all().stream().filter(fact -> !fact.earliest().isAfter(asOf)).toList();
        return facts.stream().map(fact -> entry(timeline, fact, whoRecorded)).toList();
    }

    /**
     * The entry of a fact with the disputes standing against it, as the findings count them (Timeline), and those
     * withdrawn: a fact once contested reads differently from one never contested.
     */
    private TimelineEntryView entry(Timeline timeline, TimelineFact fact, boolean whoRecorded) {
        return new TimelineEntryView(view(timeline, fact.recording(), whoRecorded), fact.status(), fact.approximate(),
                view(timeline, fact.retraction(), whoRecorded), view(timeline, fact.correction(), whoRecorded),
                fact.replacedBy() == null ? null : fact.replacedBy().toString(),
                fact.corrects() == null ? null : fact.corrects().toString(),
                fact.disputes().stream().map(dispute -> view(timeline, dispute, whoRecorded)).toList(),
                fact.withdrawnDisputes().stream().map(withdrawn -> new TimelineEntryView.Withdrawn(
                        view(timeline, withdrawn.dispute(), whoRecorded), view(timeline, withdrawn.withdrawal(), whoRecorded)))
                        .toList());
    }

    private EventView view(Timeline timeline, Recording recording, boolean whoRecorded) {
        return recording == null ? null : views.of(whoRecorded ? recording
                : new Recording(recording.event(), recording.sequence(), recording.recordedAt(), null), timeline.heldLevel(recording));
    }
}
