package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.PrisonerDetailsAmended;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.timeline.Placement;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 59 and BoP 20: held, as far as possible, near home. Each stay in a facility farther from home than the
 * threshold (great-circle) is a concern, serious past the second threshold; it closes when the person leaves.
 */
public final class Mr59Distance extends RuleBase {

    private static final FactKinds READS = FactKinds.of(PrisonerDetailsAmended.class).and(CaseFacts.CUSTODY);

    public Mr59Distance() {
        super("MR59-DISTANCE", Severity.CONCERN, READS, "59", "BoP 20");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        Place home = timeline.home(asOf);
        List<Finding> findings = new ArrayList<>();
        for (Placement placement : facts.custody().placements()) {
            if (placement.inTransit() || placement.start().earliest().isAfter(asOf)) {
                continue;
            }
            TimelineFact end = facts.endOf(placement).orElse(null);
            String place = Wording.facility(timeline, placement.facilityId());
            String when = " from " + Wording.date(placement.start().fact().occurred().start())
                    + (end == null ? "" : " to " + Wording.date(end.fact().occurred().start()));
            FindingDraft draft = FindingDraft.of(this).between(placement.start().earliest(), end == null ? null : end.earliest())
                    .threshold(Wording.kilometres(thresholds.distanceConcernKm()))
                    .evidence(placement.start()).evidence(end == null ? List.of() : List.of(end));
            Coordinates facility = timeline.facility(placement.facilityId()).map(FacilityRegistered::coordinates).orElse(null);
            if (home == null || home.coordinates() == null || facility == null) {
                findings.add(draft.kind(FindingKind.UNKNOWN).says("Held at " + place + when + "; the distance from home "
                        + "cannot be told because " + (facility == null ? "the facility" : "the person's home") + " has no coordinates"));
                continue;
            }
            double km = home.coordinates().kilometresTo(facility);
            if (km <= thresholds.distanceConcernKm()) {
                continue;
            }
            Integer reported = placement.start().fact() instanceof PersonTransferred moved ? moved.reportedTravelKm() : null;
            findings.add(draft.severity(km > thresholds.distanceSeriousKm() ? Severity.SERIOUS : Severity.CONCERN)
                    .says("Held at " + place + when + ", " + Wording.kilometres(km) + " from home in " + home.name()
                            + " as the crow flies" + (reported == null ? "" : " (" + Wording.kilometres(reported) + " by road as reported)")
                            + "; the Rules ask that people be held close to home, and more than "
                            + Wording.kilometres(thresholds.distanceConcernKm()) + " is flagged"));
        }
        return findings;
    }
}
