package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.PartialDate;
import org.casetimeline.core.shared.Sorted;
import org.casetimeline.core.timeline.CustodyEnds;
import org.casetimeline.core.timeline.CustodyHistory;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Placement;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * A timeline as a check sees it at the as-of instant: only facts that may have happened by then, and "after"
 * read on dates (never on recording order), so the same facts recorded in any order give the same answer.
 */
public final class CaseFacts {

    /**
     * The kinds of fact the custody questions below read ({@link #custody}, {@link #heldAt}, {@link #custodyEndAfter},
     * {@link #placementOf}, {@link #moves} and the like): a check that asks any of them reads these.
     */
    public static final FactKinds CUSTODY = CustodyHistory.READS;

    private final Timeline timeline;
    private final Instant asOf;
    private final List<TimelineFact> facts;
    private CustodyHistory custody;
    /** Each fact's place in {@link #facts}, and the place of the first custody fact after it; made when first needed. */
    private Map<TimelineFact, Integer> positions;
    private int[] nextCustodyStart;

    private CaseFacts(Timeline timeline, Instant asOf) {
        this.timeline = timeline;
        this.asOf = asOf;
        this.facts = timeline.factsUpTo(asOf);
    }

    public static CaseFacts of(Timeline timeline, Instant asOf) {
        return new CaseFacts(timeline, asOf);
    }

    public Timeline timeline() {
        return timeline;
    }

    public Instant asOf() {
        return asOf;
    }

    public List<TimelineFact> all() {
        return facts;
    }

    public List<TimelineFact> of(Class<? extends RecordedFact> type) {
        timeline.requireHeld(type);
        return facts.stream().filter(fact -> fact.is(type)).toList();
    }

    public <T extends RecordedFact> List<TimelineFact> of(Class<T> type, Predicate<T> test) {
        timeline.requireHeld(type);
        return facts.stream().filter(fact -> fact.is(type) && test.test(fact.as(type))).toList();
    }

    /**
     * The facts other than {@code reference} that may have happened at or after it began, in occurrence order. The
     * facts are in order of their earliest instant, and no date spans more than a year (a year given alone), so the
     * search starts a year before {@code reference}: the rules ask this of every fact of a case, and a case may hold
     * thousands. A release or death placed after the custody it ends sits up to a year (its date's span) after facts
     * of a later earliest instant, so the search starts two years before: every fact before that point still ends
     * before {@code reference} may begin.
     */
    public Stream<TimelineFact> from(TimelineFact reference) {
        return reaching(reference).stream()
                .filter(fact -> fact != reference && notBefore(fact, reference) && !endedEarlierCustody(fact, reference));
    }

    /**
     * Whether {@code fact} is a release or death placed before a custody fact that is {@code reference} or comes before
     * it in occurrence order: it ended an earlier custody, though its date may reach {@code reference} (released in
     * October, arrested again on the 20th, a request on the 25th).
     */
    private boolean endedEarlierCustody(TimelineFact fact, TimelineFact reference) {
        if (!CustodyEnds.ends(fact)) {
            return false;
        }
        if (positions == null) {
            // a check that reads ends of custody reads the facts that begin it too: which custody an end closed
            // depends on them (CUSTODY holds both)
            CustodyEnds.BEGINS.forEach(timeline::requireHeld);
            // once per reading: the rules ask this of every fact they check against the ends of custody
            positions = new IdentityHashMap<>();
            nextCustodyStart = new int[facts.size()];
            int next = Integer.MAX_VALUE;
            for (int i = facts.size() - 1; i >= 0; i--) {
                positions.put(facts.get(i), i);
                nextCustodyStart[i] = next;
                if (CustodyEnds.starts(facts.get(i))) {
                    next = i;
                }
            }
        }
        Integer at = positions.get(fact);
        Integer referenceAt = positions.get(reference);
        return at != null && referenceAt != null && at < referenceAt && nextCustodyStart[at] <= referenceAt;
    }

    /** The facts from two years before {@code reference} on ({@link #from}): none before them may reach it. */
    private List<TimelineFact> reaching(TimelineFact reference) {
        Instant reach = reference.earliest().minus(PartialDate.LONGEST).minus(PartialDate.LONGEST);
        return facts.subList(Sorted.prefixLength(facts, fact -> fact.earliest().isBefore(reach)), facts.size());
    }

    /** Facts of {@code type} that may have happened at or after {@code reference} began. */
    public <T extends RecordedFact> List<TimelineFact> from(TimelineFact reference, Class<T> type, Predicate<T> test) {
        timeline.requireHeld(type);
        return from(reference).filter(fact -> fact.is(type) && test.test(fact.as(type))).toList();
    }

    public <T extends RecordedFact> Optional<TimelineFact> firstFrom(TimelineFact reference, Class<T> type, Predicate<T> test) {
        timeline.requireHeld(type);
        return from(reference).filter(fact -> fact.is(type) && test.test(fact.as(type))).findFirst();
    }

    /** Whether {@code fact} may have happened at or after {@code reference} began. */
    public static boolean notBefore(TimelineFact fact, TimelineFact reference) {
        return fact.start().reaches(reference.earliest());
    }

    /** The release or death that ended the custody {@code reference} happened in, if it came by as-of. */
    public Optional<TimelineFact> custodyEndAfter(TimelineFact reference) {
        return from(reference).filter(CustodyEnds::ends).findFirst();
    }

    /** The one of two facts (either may be null) that began first; {@code a} on a tie. */
    public static TimelineFact earlier(TimelineFact a, TimelineFact b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Comparator.comparing((TimelineFact fact) -> Moment.startOf(fact).earliest())
                .thenComparing(fact -> fact == a ? 0 : 1).compare(a, b) <= 0 ? a : b;
    }

    /** Whether the person was in custody when {@code fact} happened (at its latest reading). */
    public boolean heldAt(TimelineFact fact) {
        return custody().custodySince(fact.latest()).isPresent();
    }

    /** Whether a death happened in custody: as its record says, or, where it is silent, as the custody history shows. */
    public boolean diedInCustody(TimelineFact death) {
        Boolean said = death.as(PersonDied.class).inCustody();
        return said != null ? said : custody().custodyBefore(death, asOf).isPresent();
    }

    public CustodyHistory custody() {
        if (custody == null) {
            custody = CustodyHistory.of(timeline);
        }
        return custody;
    }

    /** The stay in a facility (or transit) the fact happened in; empty when its date spans a move. */
    public Optional<Placement> placementOf(TimelineFact fact) {
        Optional<Placement> first = custody().placementAt(fact.earliest());
        return first.equals(custody().placementAt(fact.latest())) ? first : Optional.empty();
    }

    /** The move out of the place held in at the latest reading of {@code fact}, if it came by as-of. */
    public Optional<TimelineFact> movedOutAfter(TimelineFact fact) {
        return custody().placementAt(fact.latest()).flatMap(this::endOf).filter(end -> end != fact);
    }

    /** The fact that ended a placement, when it may have happened by the as-of instant. */
    public Optional<TimelineFact> endOf(Placement placement) {
        return Optional.ofNullable(placement.end()).filter(end -> !end.earliest().isAfter(asOf));
    }
}
