package org.casetimeline.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.PersonConvicted;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.SentenceImposed;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.event.WhereaboutsConfirmed;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.Sorted;

/**
 * Where and in what state a person was held over time, read off a timeline in occurrence order. Shared by
 * the status projection and the compliance rules, so both agree on where the person was.
 */
public final class CustodyHistory {

    /** The kinds of fact a custody history is read from: a timeline {@link Timeline#restrictedTo restricted} to them gives the same one. */
    public static final FactKinds READS = FactKinds.of(PersonDetained.class, PersonConvicted.class, SentenceImposed.class,
            PersonReleased.class, PersonDied.class, PersonTransferred.class, AdmittedToFacility.class, TransferStarted.class,
            WhereaboutsConfirmed.class);

    private final Timeline timeline;
    private final List<Placement> placements;

    private CustodyHistory(Timeline timeline) {
        this.timeline = timeline;
        this.placements = placements(timeline);
    }

    public static CustodyHistory of(Timeline timeline) {
        return new CustodyHistory(timeline);
    }

    /** Every stay in a facility (or in transit), in occurrence order. */
    public List<Placement> placements() {
        return placements;
    }

    /**
     * The stay that began last at or before {@code instant}, if it still covers it. Stays begin in occurrence order,
     * so this is a binary search: every finding of a case asks it.
     */
    public Optional<Placement> placementAt(Instant instant) {
        int begun = Sorted.prefixLength(placements, placement -> !placement.start().earliest().isAfter(instant));
        return begun == 0 ? Optional.empty() : Optional.of(placements.get(begun - 1)).filter(placement -> placement.covers(instant));
    }

    public CustodyState stateAt(Instant instant) {
        CustodyState state = CustodyState.UNKNOWN;
        boolean convicted = false;
        for (TimelineFact fact : timeline.factsUpTo(instant)) {
            if (fact.is(PersonDetained.class)) {
                state = convicted ? CustodyState.SERVING_SENTENCE : CustodyState.DETAINED_PRE_TRIAL;
            } else if (fact.is(PersonConvicted.class) || fact.is(SentenceImposed.class)) {
                convicted = true;
                if (state == CustodyState.DETAINED_PRE_TRIAL || state == CustodyState.UNKNOWN) {
                    state = CustodyState.SERVING_SENTENCE;
                }
            } else if (fact.is(PersonReleased.class)) {
                state = CustodyState.RELEASED;
                convicted = false;
            } else if (fact.is(PersonDied.class)) {
                return CustodyState.DECEASED;
            } else if (CustodyEnds.moves(fact) && (state == CustodyState.UNKNOWN || state == CustodyState.RELEASED)) {
                state = convicted ? CustodyState.SERVING_SENTENCE : CustodyState.DETAINED_PRE_TRIAL;
            }
        }
        return state;
    }

    public boolean inCustodyAt(Instant instant) {
        CustodyState state = stateAt(instant);
        return state == CustodyState.DETAINED_PRE_TRIAL || state == CustodyState.SERVING_SENTENCE;
    }

    /** The first fact that put the person in custody in the spell that covers {@code instant}, if any. */
    public Optional<TimelineFact> custodySince(Instant instant) {
        return since(timeline.factsUpTo(instant), null);
    }

    /**
     * The first fact that put the person in custody in the spell they were in just before {@code fact}, in occurrence
     * order and among the facts that may have happened by {@code asOf}: a death known to the day of the arrest, or to
     * its month, came after it (the person was alive to be arrested), though its earliest instant is before.
     */
    public Optional<TimelineFact> custodyBefore(TimelineFact fact, Instant asOf) {
        return since(timeline.factsUpTo(asOf), fact);
    }

    /** The spell's first custody fact after reading {@code facts} in order up to {@code stop} (null: all of them). */
    private static Optional<TimelineFact> since(List<TimelineFact> facts, TimelineFact stop) {
        TimelineFact since = null;
        for (TimelineFact fact : facts) {
            if (fact == stop) {
                break;
            }
            if (CustodyEnds.ends(fact)) {
                since = null;
            } else if (since == null && CustodyEnds.starts(fact)) {
                since = fact;
            }
        }
        return Optional.ofNullable(since);
    }

    private static List<Placement> placements(Timeline timeline) {
        List<Placement> placements = new ArrayList<>();
        FacilityId current = null;
        TimelineFact start = null;
        boolean placed = false;
        for (TimelineFact fact : timeline.facts()) {
            FacilityId next;
            boolean ends = false;
            if (fact.fact() instanceof PersonDetained detained) {
                next = detained.facilityId();
                if (next == null) {
                    continue;
                }
            } else if (fact.fact() instanceof PersonTransferred transferred) {
                next = transferred.toFacilityId();
            } else if (fact.fact() instanceof AdmittedToFacility admitted) {
                next = admitted.facilityId();
            } else if (fact.fact() instanceof WhereaboutsConfirmed confirmed && confirmed.facilityId() != null) {
                next = confirmed.facilityId();
            } else if (fact.is(TransferStarted.class)) {
                next = null;
            } else if (fact.is(PersonReleased.class) || fact.is(PersonDied.class)) {
                next = null;
                ends = true;
            } else {
                continue;
            }
            if (placed && next != null && next.equals(current)) {
                continue;
            }
            if (placed) {
                placements.set(placements.size() - 1, new Placement(current, start, fact));
            }
            if (ends) {
                placed = false;
                continue;
            }
            current = next;
            start = fact;
            placed = true;
            placements.add(new Placement(current, start, null));
        }
        return List.copyOf(placements);
    }
}
