package org.casetimeline.core.timeline;

import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.PersonConvicted;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.event.SentenceImposed;
import org.casetimeline.core.event.TransferStarted;

/**
 * Places each release or death after the custody it ends. Occurrence order puts a fact at the earliest instant its date
 * allows, so a release known to the day sorts before a detention at 10:00 that day, a release in October before a
 * detention on 10 October, and of two facts on one day the one recorded first goes first. Read that way the release
 * ends nothing and the detention never ends: the person stays detained for good. So, among the facts its date may
 * follow:
 * <ul>
 * <li>a release goes after the detention it ends and after every admission or transfer that follows it (no one is
 * moved between prisons once released), but before a new arrest or a death. A release already ending custody held
 * where it sorts stays before a new arrest (released, then arrested again the same day). A release with another
 * within its date stays where it sorts: most likely two sources of one release, and the other, later in order, ends
 * the custody;</li>
 * <li>a death goes after every custody fact, releases too: the person was alive for each.</li>
 * </ul>
 * Custody is held, as {@link CustodyHistory#stateAt} counts it, from a detention, admission or transfer, and from a
 * conviction or sentence read before any release. A case whose first custody fact is a release from a detention never
 * recorded, followed within the release's date by a new arrest, reads as one spell: record the earlier detention, even
 * to the year, to keep them apart. A moved release still counts from its earliest instant for instants within its
 * date, so for those the person counts as released already; the conflict it raises (ORDER_UNCERTAIN) says that only a
 * more precise date settles it.
 */
public final class CustodyEnds {

    private CustodyEnds() {
    }

    /** The kinds of fact that put the person in custody, or move them within it (which shows they were held). */
    public static final List<Class<? extends RecordedFact>> BEGINS = List.of(PersonDetained.class,
            PersonTransferred.class, AdmittedToFacility.class, TransferStarted.class);

    /** Whether {@code fact} is of a kind that {@link #BEGINS} custody. */
    public static boolean starts(TimelineFact fact) {
        for (Class<? extends RecordedFact> kind : BEGINS) {
            if (fact.is(kind)) {
                return true;
            }
        }
        return false;
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
        TimelineFact lastRelease = null; // since custody was last held
        for (int i = 0; i < order.size(); i++) {
            TimelineFact fact = order.get(i);
            if (!fact.counts()) {
                continue;
            }
            if (ends(fact)) {
                // a release whose date meets that of the release just before it, with no custody between, is most
                // likely another source of that one, whichever of the two sorts first
                boolean sameRelease = !held && lastRelease != null && fact.is(PersonReleased.class)
                        && !fact.earliest().isAfter(lastRelease.latest());
                int after = fact.is(PersonDied.class) ? lastFactADeathFollows(order, i)
                        : sameRelease ? -1 : lastFactAReleaseFollows(order, i, held);
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
                lastRelease = fact.is(PersonReleased.class) ? fact : null;
            } else if (starts(fact) || !released && (fact.is(PersonConvicted.class) || fact.is(SentenceImposed.class))) {
                held = true;
                lastRelease = null;
            }
        }
        return settled == null ? facts : settled;
    }

    /**
     * The index of the last counting fact after the release at {@code end}, within its date, that the release must
     * follow: the detention it ends (when none is {@code held}) and the admissions and transfers after it, up to a new
     * arrest or a death. -1 if none, or if another release comes within its date.
     */
    private static int lastFactAReleaseFollows(List<TimelineFact> order, int end, boolean held) {
        TimelineFact release = order.get(end);
        int last = -1;
        for (int j = end + 1; j < order.size(); j++) {
            TimelineFact fact = order.get(j);
            if (fact.earliest().isAfter(release.latest())) {
                break; // in order of earliest instant: none later may precede the release either
            }
            if (!fact.counts()) {
                continue;
            }
            if (fact.is(PersonReleased.class)) {
                return -1; // two sources of one release, most likely: the other, later in order, ends the custody
            }
            if (fact.is(PersonDied.class) || fact.is(PersonDetained.class) && (held || last >= 0)) {
                break;
            }
            if (starts(fact)) {
                last = j;
            }
        }
        return last;
    }

    /** The index of the last counting custody fact after the death at {@code end}, within its date; -1 if none. */
    private static int lastFactADeathFollows(List<TimelineFact> order, int end) {
        TimelineFact death = order.get(end);
        int last = -1;
        for (int j = end + 1; j < order.size(); j++) {
            TimelineFact fact = order.get(j);
            if (fact.earliest().isAfter(death.latest())) {
                break;
            }
            if (fact.counts() && (starts(fact) || fact.is(PersonReleased.class))) {
                last = j;
            } else if (fact.counts() && fact.is(PersonDied.class)) {
                break;
            }
        }
        return last;
    }
}
