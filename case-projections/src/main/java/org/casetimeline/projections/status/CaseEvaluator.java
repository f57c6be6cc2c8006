package org.casetimeline.projections.status;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.Evaluation;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.timeline.CustodyHistory;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;
import org.springframework.stereotype.Component;

/**
 * Evaluates a timeline as of an instant: the compliance findings, the status built on them, and the next
 * instant at which the passing of time alone could change either. The live projection, the scheduled
 * re-evaluation and every as-of read call this one function.
 */
@Component
public class CaseEvaluator {

    private final Thresholds thresholds;
    private final List<Duration> horizons;

    public CaseEvaluator(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.horizons = durations(thresholds);
    }

    public CaseEvaluation evaluate(String caseId, Timeline timeline, Instant asOf, Instant knownAt) {
        return evaluate(caseId, timeline, asOf, knownAt, null);
    }

    /**
     * As {@link #evaluate(String, Timeline, Instant, Instant)}, for a case whose {@code lower} clearance level (or null)
     * was evaluated as of the same instant: the checks whose facts are the same at both levels keep their findings.
     */
    public CaseEvaluation evaluate(String caseId, Timeline timeline, Instant asOf, Instant knownAt, CaseEvaluation lower) {
        Evaluation checks = lower != null && lower.checks().asOf().equals(asOf) ? lower.checks().over(timeline)
                : Evaluation.of(timeline, asOf, thresholds);
        List<Finding> findings = checks.findings();
        CaseStatusView status = CaseStatusReport.of(caseId, timeline, asOf, knownAt, findings);
        CustodyHistory custody = CustodyHistory.of(timeline);
        List<FacilityRegistered> findingFacilities = findings.stream()
                .map(finding -> custody.placementAt(finding.start())
                        .filter(placement -> !placement.inTransit())
                        .flatMap(placement -> timeline.facility(placement.facilityId())).orElse(null))
                .toList();
        return new CaseEvaluation(status, findings, custody.placements(), findingFacilities, nextDue(timeline, asOf, custody),
                checks);
    }

    /**
     * The earliest future instant some threshold runs out after some fact, or a fact dated ahead (today east of
     * Greenwich) begins; at the latest a day on while the person is held, since days in custody and waiting times move
     * on. Null when nothing can change by itself.
     */
    private Instant nextDue(Timeline timeline, Instant asOf, CustodyHistory custody) {
        Instant next = custody.inCustodyAt(asOf) ? asOf.plus(Duration.ofDays(1)) : null;
        for (TimelineFact fact : timeline.facts()) {
            for (Duration horizon : horizons) {
                for (Instant candidate : List.of(fact.earliest().plus(horizon), fact.latest().plus(horizon))) {
                    if (candidate.isAfter(asOf) && (next == null || candidate.isBefore(next))) {
                        next = candidate;
                    }
                }
            }
        }
        return next;
    }

    private static List<Duration> durations(Thresholds thresholds) {
        List<Duration> durations = new ArrayList<>();
        for (RecordComponent component : Thresholds.class.getRecordComponents()) {
            if (component.getType() == Duration.class) {
                try {
                    durations.add((Duration) component.getAccessor().invoke(thresholds));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        durations.add(Duration.ZERO); // the fact itself: a release recorded for a date that has not begun in UTC
        return durations.stream().distinct().toList();
    }
}
