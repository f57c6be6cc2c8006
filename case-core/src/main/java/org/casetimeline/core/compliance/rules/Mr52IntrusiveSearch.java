package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.IntrusiveSearchReported;
import org.casetimeline.core.shared.SearchKind;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 50-52: strip and cavity searches only when absolutely necessary, in private, by staff of the same sex,
 * never to humiliate. A search with no individual reason, routine (daily or more), filmed, not in private or by
 * staff of the other sex is flagged; a routine practice stays open until the person leaves that place.
 */
public final class Mr52IntrusiveSearch extends RuleBase {

    private static final FactKinds READS = FactKinds.of(IntrusiveSearchReported.class).and(CaseFacts.CUSTODY);

    public Mr52IntrusiveSearch() {
        super("MR52-INTRUSIVE-SEARCH", Severity.SERIOUS, READS, "50", "51", "52");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        Duration interval = thresholds.intrusiveSearchInterval();
        List<TimelineFact> searches = facts.of(IntrusiveSearchReported.class, search -> search.kind() != SearchKind.PAT_DOWN);
        for (TimelineFact fact : searches) {
            IntrusiveSearchReported search = fact.as(IntrusiveSearchReported.class);
            List<String> faults = new ArrayList<>();
            // reported as daily, or within the interval of an earlier one (both known to the day, compared by the day they
            // began): a practice, not a decision on need. A series is one finding, raised by its second search.
            boolean daily = Boolean.TRUE.equals(search.daily());
            Optional<TimelineFact> previous = previous(facts, fact, searches, interval);
            boolean repeats = !daily && previous.isPresent() && previous(facts, previous.get(), searches, interval).isEmpty();
            boolean routine = daily || previous.isPresent();
            if (daily) {
                faults.add("routinely, daily or more often");
            } else if (repeats) {
                long days = Duration.between(previous.get().earliest(), fact.earliest()).toDays();
                faults.add((days == 0 ? "again the same day as one reported " : days == 1 ? "again the day after one reported "
                        : "again " + Wording.plural(days, "day") + " after one reported ") + Moment.startOf(previous.get()).on());
            }
            if (Boolean.FALSE.equals(search.individualReason())) {
                faults.add("with no individual reason");
            }
            if (Boolean.TRUE.equals(search.filmed())) {
                faults.add("filmed");
            }
            if (Boolean.FALSE.equals(search.inPrivate())) {
                faults.add("not in private");
            }
            if (Boolean.FALSE.equals(search.sameSexStaff())) {
                faults.add("by staff of the other sex");
            }
            if (faults.isEmpty()) {
                continue;
            }
            Optional<TimelineFact> ended = routine
                    ? facts.movedOutAfter(fact).or(() -> facts.custodyEndAfter(fact)) : Optional.of(fact);
            findings.add(FindingDraft.of(this).between(fact.earliest(), ended.map(TimelineFact::earliest).orElse(null))
                    .threshold(interval.equals(Duration.ofDays(1)) ? "daily" : "within " + Wording.duration(interval))
                    .evidence(repeats ? previous.stream().toList() : List.of()).evidence(fact).evidence(ended.filter(end -> end != fact).stream().toList())
                    .says((search.kind() == SearchKind.CAVITY ? "Body cavity" : "Strip") + " searches" + Wording.at(facts, fact)
                            + " reported " + Moment.startOf(fact).on()
                            + ", " + String.join(", ", faults)
                            + "; the Rules allow them only when absolutely necessary, in private and never to humiliate"));
        }
        return findings;
    }

    /**
     * The latest search before {@code fact} within the interval of it, both known to the day, in the same place: a
     * series at one prison is one practice, and the next prison's a practice of its own.
     */
    private static Optional<TimelineFact> previous(CaseFacts facts, TimelineFact fact, List<TimelineFact> searches,
                                                   Duration interval) {
        return !toTheDay(fact) ? Optional.empty() : searches.stream()
                .filter(other -> before(other, fact) && toTheDay(other)
                        && !fact.earliest().isAfter(other.earliest().plus(interval))
                        && facts.movedOutAfter(other).map(moved -> moved.earliest().isAfter(fact.earliest())).orElse(true))
                .reduce((first, second) -> second);
    }

    private static boolean toTheDay(TimelineFact fact) {
        return Duration.between(fact.earliest(), fact.latest()).compareTo(Duration.ofDays(1)) <= 0;
    }

    /** Whether {@code other} was reported before {@code fact}: began earlier, or together and first by id. */
    private static boolean before(TimelineFact other, TimelineFact fact) {
        int order = other.earliest().compareTo(fact.earliest());
        return other != fact && (order < 0 || order == 0 && other.factId().value().compareTo(fact.factId().value()) < 0);
    }
}
