package org.casetimeline.core.timeline;

import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.PersonConvicted;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.SentenceImposed;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.event.WhereaboutsConfirmed;

/**
 * Places each release or death after the custody it ends. Occurrence order puts a fact at the earliest instant its date
 * allows, so a release known to the day sorts before a detention at 10:00 that day, a release in October before a
 * detention on 10 October, and of two facts on one day the one recorded first goes first. Read that way the release
 * ends nothing and the detention never ends: the person stays detained for good. So:
 * <ul>
 * <li>a release that would end no custody (none is held where it sorts) is moved after the last fact putting the person
 * in custody (a detention, admission or transfer) that its date may follow, unless a release or death comes first
 * within its date: that custody then has its own end, and the release stays where it sorts, ending nothing;</li>
 * <li>a death is moved after the last custody fact (of either kind) its date may follow: the person was alive for each.</li>
 * </ul>
 * A release that ends custody already held stays where it is: that reading (released, then detained again the same day)
 * is as possible, and nothing forces another. Custody is held, as {@link CustodyHistory#stateAt} counts it, from a
 * detention, admission or transfer, from a conviction or sentence read before any release, and from a confirmation
 * that names a facility. A case whose first custody fact is a release from a detention never recorded, followed within
 * the release's date by a new arrest, reads as one spell: record the earlier detention, even to the year, to keep them
 * apart. A moved release still counts from its earliest instant for instants within its date, so for those the person
 * counts as released already; the conflict it raises (ORDER_UNCERTAIN) says that only a more precise date settles it.
 */
public final class CustodyEnds {

    private CustodyEnds() {
    }

    /** Whether {@code fact} puts the person in custody (or moves them within it, which shows they were held). */
    public static boolean starts(TimelineFact fact) {
        return fact.is(PersonDetained.class) || moves(fact);
    }

    /** Whether {@code fact} moves the person into or within custody. */
    public static boolean moves(TimelineFact fact) {
        return fact.is(PersonTransferred.class) || fact.is(AdmittedToFacility.class) || fact.is(TransferStarted.class);
    }

    /** Whether {@code fact} ends custody. */
    public static boolean ends(TimelineFact fact) {
        return fact.is(PersonReleased.class) || fact.is(PersonDied.class);
    }

    /**
     * {@code facts} in occurrence order, each release or death placed after the custody it ends. Facts that do not count
     * (retracted, superseded) keep their places and are passed over.
     */
    static List<TimelineFact> settle(List<TimelineFact> facts) {
        List<TimelineFact> settled = null;
        List<TimelineFact> order = facts;
        boolean held = false;
        boolean released = false;
        for (int i = 0; i < order.size(); i++) {
            TimelineFact fact = order.get(i);
            if (!fact.counts()) {
                continue;
            }
            if (ends(fact)) {
                int after = fact.is(PersonDied.class) ? lastCustodyFactBefore(order, i, true)
                        : held ? -1 : lastCustodyFactBefore(order, i, false);
                if (after >= 0) {
                    if (settled == null) {
                        settled = new ArrayList<>(facts);
                        order = settled;
                    }
                    settled.add(after, settled.remove(i)); // after that fact, which moved up a place
                    i--; // the fact now at i is read next; this one again once the facts it follows were
                    continue;
                }
                held = false;
                released = true;
            } else if (starts(fact) || fact.fact() instanceof WhereaboutsConfirmed confirmed && confirmed.facilityId() != null
                    || !released && (fact.is(PersonConvicted.class) || fact.is(SentenceImposed.class))) {
                held = true;
            }
        }
        return settled == null ? facts : settled;
    }

    /**
     * The index of the last counting custody fact after {@code end} that its date may follow: for a death any custody
     * fact; for a release a fact putting the person in custody, and none once another release or death comes within its
     * date. -1 if none.
     */
    private static int lastCustodyFactBefore(List<TimelineFact> order, int end, boolean death) {
        TimelineFact ending = order.get(end);
        int last = -1;
        for (int j = end + 1; j < order.size(); j++) {
            TimelineFact fact = order.get(j);
            if (fact.earliest().isAfter(ending.latest())) {
                break; // in order of earliest instant: none later may precede the end either
            }
            if (!fact.counts()) {
                continue;
            }
            if (fact.is(PersonDied.class) || !death && ends(fact)) {
                return death ? last : -1;
            }
            if (starts(fact) || death && ends(fact)) {
                last = j;
            }
        }
        return last;
    }
}
