package org.casetimeline.core.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * A stretch over which a reported condition was bad (no natural light, no writing materials, no warm clothing):
 * from the first report of it, through reports that repeat it, to the first report that it was put right, the
 * person leaving that place, or release or death; open while none of these has come.
 */
public record ConditionRun(Span span, List<TimelineFact> evidence) {

    public TimelineFact first() {
        return evidence.get(0);
    }

    public boolean open() {
        return span.end() == null;
    }

    /** Runs of a condition; {@code reads} says of each fact TRUE (fine), FALSE (bad) or null (silent on it). */
    public static List<ConditionRun> of(CaseFacts facts, Function<TimelineFact, Boolean> reads) {
        List<TimelineFact> reports = facts.all().stream().filter(fact -> reads.apply(fact) != null)
                .sorted(Comparator.comparing(TimelineFact::earliest).thenComparing(TimelineFact::latest)
                        .thenComparing(fact -> fact.factId().value()))
                .toList();
        List<ConditionRun> runs = new ArrayList<>();
        List<TimelineFact> current = null;
        TimelineFact boundary = null;
        for (TimelineFact report : reports) {
            boolean fine = reads.apply(report);
            if (current != null && boundary != null && boundary.earliest().isBefore(report.earliest())) {
                runs.add(close(current, boundary));
                current = null;
            }
            if (current == null) {
                if (!fine) {
                    current = new ArrayList<>(List.of(report));
                    boundary = boundary(facts, report).orElse(null);
                }
            } else if (fine) {
                runs.add(close(current, report));
                current = null;
            } else {
                current.add(report);
            }
        }
        if (current != null) {
            runs.add(boundary == null ? new ConditionRun(Span.open(Moment.startOf(current.get(0))), List.copyOf(current))
                    : close(current, boundary));
        }
        return List.copyOf(runs);
    }

    private static ConditionRun close(List<TimelineFact> reports, TimelineFact end) {
        List<TimelineFact> evidence = new ArrayList<>(reports);
        evidence.add(end);
        return new ConditionRun(new Span(Moment.startOf(reports.get(0)), Moment.startOf(end)), List.copyOf(evidence));
    }

    /** Runs of one point of the conditions reports; {@code fine} says TRUE, FALSE or null (silent) of each report. */
    public static List<ConditionRun> reported(CaseFacts facts, Function<ConditionsReported, Boolean> fine) {
        return of(facts, fact -> fact.fact() instanceof ConditionsReported report ? fine.apply(report) : null);
    }

    /** The move out of the place the report speaks of, or release or death, whichever came first by as-of. */
    private static Optional<TimelineFact> boundary(CaseFacts facts, TimelineFact report) {
        Optional<TimelineFact> moved = facts.movedOutAfter(report);
        Optional<TimelineFact> freed = facts.custodyEndAfter(report);
        if (moved.isPresent() && freed.isPresent()) {
            return Optional.of(moved.get().earliest().isAfter(freed.get().earliest()) ? freed.get() : moved.get());
        }
        return moved.or(() -> freed);
    }
}
