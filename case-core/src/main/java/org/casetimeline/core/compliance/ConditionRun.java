package org.casetimeline.core.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * A stretch over which a reported condition was bad (no natural light, no writing materials, no warm clothing):
 * from the first report of it, through reports that repeat it, to the first report that it was put right, the
 * person leaving that place, release or death, or the end of the period the reports state ("from 2006 to 2014":
 * nothing is known of the condition after it); open while none of these has come.
 */
public record ConditionRun(Span span, List<TimelineFact> evidence) {

    /** The kinds of fact {@link #reported} runs are read from: the reports, and the moves, release or death that end a run. */
    public static final FactKinds READS = FactKinds.of(ConditionsReported.class).and(CaseFacts.CUSTODY);


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
            if (current != null) {
                Optional<ConditionRun> ended = endedBefore(facts, current, boundary, report.earliest(), !fine);
                if (ended.isPresent()) {
                    runs.add(ended.get());
                    current = null;
                }
            }
            if (current == null) {
                if (!fine) {
                    current = new ArrayList<>(List.of(report));
                    boundary = boundary(facts, report);
                }
            } else if (fine) {
                runs.add(close(current, report));
                current = null;
            } else {
                current.add(report);
            }
        }
        if (current != null) {
            List<TimelineFact> last = current;
            runs.add(endedBefore(facts, current, boundary, Instant.MAX, false)
                    .orElseGet(() -> new ConditionRun(Span.open(Moment.startOf(last.get(0))), List.copyOf(last))));
        }
        return List.copyOf(runs);
    }

    /**
     * The run closed at its boundary (a move, release or death) or at the end its reports state, whichever came first,
     * if that was before the {@code next} report; empty while it runs on. Only a report of the same bad condition
     * ({@code carriedOnBy}) carries a period on from the day after it ends, and only if the person was not moved first.
     */
    private static Optional<ConditionRun> endedBefore(CaseFacts facts, List<TimelineFact> run, TimelineFact boundary,
                                                      Instant next, boolean carriedOnBy) {
        Moment stated = statedEnd(facts, run);
        // a move or release that may have come before the stated end ends the run: the reports spoke of that place
        if (boundary != null && (stated == null || !boundary.earliest().isAfter(stated.latest()))) {
            return boundary.earliest().isBefore(next) ? Optional.of(close(run, boundary)) : Optional.empty();
        }
        if (stated == null) {
            return Optional.empty();
        }
        boolean movedFirst = boundary != null && !boundary.earliest().isAfter(next);
        Instant carriedUntil = carriedOnBy && !movedFirst ? stated.latest().plus(Duration.ofDays(1)) : stated.latest();
        return carriedUntil.isBefore(next)
                ? Optional.of(new ConditionRun(new Span(Moment.startOf(run.get(0)), stated), List.copyOf(run)))
                : Optional.empty();
    }

    /**
     * The latest end the run's reports state for a period, if it had come by as-of; none when no report states one, or
     * when a report giving only its date began after that end: a condition reported goes on until it is changed.
     */
    private static Moment statedEnd(CaseFacts facts, List<TimelineFact> run) {
        Moment end = null;
        for (TimelineFact report : run) {
            Moment until = Moment.endOf(report);
            if (until != null && (end == null || until.latest().isAfter(end.latest()))) {
                end = until;
            }
        }
        if (end == null || end.latest().isAfter(facts.asOf())) {
            return null; // the period may still be running
        }
        Instant stated = end.latest();
        return run.stream().anyMatch(report -> Moment.endOf(report) == null && report.earliest().isAfter(stated)) ? null : end;
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
    private static TimelineFact boundary(CaseFacts facts, TimelineFact report) {
        return CaseFacts.earlier(facts.movedOutAfter(report).orElse(null), facts.custodyEndAfter(report).orElse(null));
    }
}
