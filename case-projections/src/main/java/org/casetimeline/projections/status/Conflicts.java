package org.casetimeline.projections.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.timeline.CustodyEnds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;
import org.casetimeline.projections.status.CaseStatusView.Conflict;

/**
 * Where the sources contradict each other. Both facts are kept and shown; the store never chooses between
 * them, and a monitor resolves a conflict by retracting, correcting or disputing one of them.
 */
final class Conflicts {

    private Conflicts() {
    }

    /** The conflicts of the case, and of its status as read at {@code asOf}. */
    static List<Conflict> in(Timeline timeline, Instant asOf) {
        List<Conflict> conflicts = new ArrayList<>(in(timeline));
        conflicts.addAll(undecidedAt(timeline, asOf));
        return List.copyOf(conflicts);
    }

    static List<Conflict> in(Timeline timeline) {
        List<Conflict> conflicts = new ArrayList<>();
        List<TimelineFact> transfers = timeline.facts(PersonTransferred.class);
        // only transfers given the same date can conflict: compare within each date, not every pair of a long case
        Map<String, List<Integer>> onDate = new HashMap<>();
        for (int i = 0; i < transfers.size(); i++) {
            onDate.computeIfAbsent(transfers.get(i).fact().occurred().at(), date -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < transfers.size(); i++) {
            for (int j : onDate.get(transfers.get(i).fact().occurred().at())) {
                if (j <= i) {
                    continue;
                }
                TimelineFact one = transfers.get(i);
                TimelineFact other = transfers.get(j);
                FacilityId to = one.as(PersonTransferred.class).toFacilityId();
                FacilityId otherTo = other.as(PersonTransferred.class).toFacilityId();
                if (one.fact().occurred().at().equals(other.fact().occurred().at()) && !Objects.equals(to, otherTo)) {
                    conflicts.add(new Conflict("CONCURRENT_TRANSFERS", ids(one, other), "Two transfers on "
                            + one.fact().occurred().at() + " to different facilities."));
                }
            }
        }
        List<TimelineFact> deaths = timeline.facts(PersonDied.class);
        if (deaths.size() > 1) {
            conflicts.add(new Conflict("SEVERAL_DEATHS", deaths.stream().map(f -> f.factId().toString()).toList(),
                    "More than one death is recorded."));
        }
        if (!deaths.isEmpty()) {
            TimelineFact death = deaths.get(0);
            for (TimelineFact fact : timeline.facts()) {
                if (fact != death && !fact.is(PersonDied.class) && fact.earliest().isAfter(death.latest())
                        && isAboutTheLivingPerson(fact)) {
                    conflicts.add(new Conflict("FACT_AFTER_DEATH", ids(death, fact), fact.fact().getClass().getSimpleName()
                            + " on " + fact.fact().occurred().at() + " after the recorded death on "
                            + death.fact().occurred().at() + "."));
                }
            }
        }
        conflicts.addAll(uncertainEnds(timeline.facts()));
        return List.copyOf(conflicts);
    }

    /**
     * A release or death dated only to a month or a year whose span holds a fact that begins custody (a detention,
     * admission or transfer): the fact may come before or after it. The timeline takes a release that would end no
     * custody after the custody fact it may follow, and one that ends custody already held first (CustodyEnds); whether that is so, only a more precise date can tell.
     */
    private static List<Conflict> uncertainEnds(List<TimelineFact> facts) {
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            TimelineFact end = facts.get(i);
            if (!CustodyEnds.ends(end) || !spansDays(end)) {
                continue;
            }
            // an end read after the custody it ends sits after facts of later dates, so every fact is looked at
            for (int j = 0; j < facts.size(); j++) {
                TimelineFact begins = facts.get(j);
                if (CustodyEnds.starts(begins) && !begins.earliest().isBefore(end.earliest()) && !begins.earliest().isAfter(end.latest())) {
                    conflicts.add(new Conflict("ORDER_UNCERTAIN", ids(end, begins), end.fact().getClass().getSimpleName()
                            + " in " + end.fact().occurred().at() + " may come before or after "
                            + begins.fact().getClass().getSimpleName() + " on " + begins.fact().occurred().at()
                            + "; the status takes it " + (i < j ? "first" : "after") + ". A more precise date settles it."));
                }
            }
        }
        return conflicts;
    }

    /**
     * A detention, release or death dated only to a month or a year whose span reaches past the instant read: the
     * status takes the earliest reading and counts it done, but on that day it may not yet have happened (released in
     * October 2013, read as of 10 October). Once the span has passed, the conflict goes.
     */
    private static List<Conflict> undecidedAt(Timeline timeline, Instant asOf) {
        List<Conflict> conflicts = new ArrayList<>();
        for (TimelineFact fact : timeline.factsUpTo(asOf)) {
            // a day's date spans only that day: read on it, a fact of that day is taken as done, as it is meant
            if ((fact.is(PersonDetained.class) || fact.is(PersonReleased.class) || fact.is(PersonDied.class))
                    && spansDays(fact) && fact.latest().isAfter(asOf)) {
                conflicts.add(new Conflict("UNCERTAIN_AS_OF", List.of(fact.factId().toString()),
                        fact.fact().getClass().getSimpleName() + " in " + fact.fact().occurred().at() + " may not yet have"
                                + " happened on " + asOf.atZone(ZoneOffset.UTC).toLocalDate() + "; the status takes it as"
                                + " done. A more precise date settles it."));
            }
        }
        return conflicts;
    }

    /** A date known only to a month or a year (or a range of days): when in it the fact happened is not known. */
    private static boolean spansDays(TimelineFact fact) {
        return fact.latest().isAfter(fact.earliest().plus(Duration.ofDays(1)));
    }

    /** Facts that need the person alive; advocacy and investigations go on after a death. */
    private static boolean isAboutTheLivingPerson(TimelineFact fact) {
        String type = fact.fact().getClass().getSimpleName();
        return type.startsWith("Person") || type.startsWith("Solitary") || type.startsWith("Medical")
                || type.equals("AdmittedToFacility") || type.equals("TransferStarted") || type.startsWith("FamilyContact")
                || type.equals("HungerStrikeStarted");
    }

    private static List<String> ids(TimelineFact one, TimelineFact other) {
        return List.of(one.factId().toString(), other.factId().toString());
    }
}
