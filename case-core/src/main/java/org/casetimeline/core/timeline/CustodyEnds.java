package org.casetimeline.core.timeline;

import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;

/**
 * Places each release or death after the custody it ends. Occurrence order puts a fact at the earliest instant its date
 * allows, so a release known to the day sorts before a detention at 10:00 that day, a release in October before a
 * detention on 10 October, and of two facts on one day the one recorded first goes first. Read that way the release
 * ends nothing and the detention never ends: the person stays detained for good. A release or death that would end no
 * custody is therefore moved after the first fact putting the person in custody that may have come before it (its date
 * reaches that fact's earliest instant). One that ends custody already held stays where it is: that reading (released,
 * then detained again) is as possible, and nothing forces another. A case whose first custody fact is a release from a
 * detention never recorded, followed within the release's date by a new arrest, reads as one spell: record the
 * earlier detention, even to the year, to keep them apart.
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
     * {@code facts} in occurrence order, each release or death that would end no custody moved after the custody fact it
     * ends. Facts that do not count (retracted, superseded) keep their places and are passed over.
     */
    static List<TimelineFact> settle(List<TimelineFact> facts) {
        List<TimelineFact> settled = null;
        List<TimelineFact> order = facts;
        boolean held = false;
        for (int i = 0; i < order.size(); i++) {
            TimelineFact fact = order.get(i);
            if (!fact.counts()) {
                continue;
            }
            if (starts(fact)) {
                held = true;
            } else if (ends(fact)) {
                int ended = held ? -1 : custodyItMayFollow(order, i);
                if (ended >= 0) {
                    if (settled == null) {
                        settled = new ArrayList<>(facts);
                        order = settled;
                    }
                    settled.add(ended, settled.remove(i)); // after the custody fact, which moved up a place
                    i--; // the fact now at i is read next; this one again once the custody fact was
                    continue;
                }
                held = false;
            }
        }
        return settled == null ? facts : settled;
    }

    /** The index of the first counting custody fact after {@code end} that it may have come after; -1 if none. */
    private static int custodyItMayFollow(List<TimelineFact> order, int end) {
        TimelineFact ending = order.get(end);
        for (int j = end + 1; j < order.size(); j++) {
            TimelineFact fact = order.get(j);
            if (fact.earliest().isAfter(ending.latest())) {
                return -1; // in order of earliest instant: none later may precede the end either
            }
            if (fact.counts() && starts(fact)) {
                return j;
            }
        }
        return -1;
    }
}
