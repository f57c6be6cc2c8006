package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.FamilyContactDenied;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 58: contact with family at regular intervals. A stretch in custody longer than the threshold with no family
 * contact of any kind is a concern when a denial of contact falls in it, and a data gap (UNKNOWN) otherwise, since
 * monitors rarely record every letter or call.
 */
public final class Mr58FamilyContact extends RuleBase {

    private static final FactKinds READS = FactKinds.of(FamilyContactDenied.class,
            FamilyContactOccurred.class).and(CaseFacts.CUSTODY);

    public Mr58FamilyContact() {
        super("MR58-FAMILY-CONTACT", Severity.CONCERN, READS, "58");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        TimelineFact last = null;
        // a contact known to the month or year sorts before a detention within it, yet may have come after it
        TimelineFact contactBefore = null;
        TimelineFact floor = null;
        for (TimelineFact fact : facts.all()) {
            boolean entry = fact.is(PersonDetained.class) || fact.is(PersonTransferred.class)
                    || fact.is(AdmittedToFacility.class) || fact.is(TransferStarted.class);
            if (fact.is(PersonReleased.class) || fact.is(PersonDied.class)) {
                if (last != null) {
                    gap(facts, last, floor, fact, thresholds, findings);
                }
                last = null;
                contactBefore = null;
            } else if (fact.is(FamilyContactOccurred.class)) {
                if (last != null) {
                    gap(facts, last, floor, fact, thresholds, findings);
                    last = fact;
                    floor = null;
                } else {
                    contactBefore = fact;
                }
            } else if (entry && last == null) {
                last = fact;
                floor = null;
                if (contactBefore != null && contactBefore.latest().isAfter(fact.earliest())) {
                    last = contactBefore;
                    floor = fact; // the gap is counted from the contact, but never from before the custody began
                }
                contactBefore = null;
            }
        }
        if (last != null) {
            gap(facts, last, floor, null, thresholds, findings);
        }
        return findings;
    }

    private void gap(CaseFacts facts, TimelineFact from, TimelineFact floor, TimelineFact until, Thresholds thresholds,
                     List<Finding> findings) {
        Moment start = Moment.startOf(from);
        if (floor != null && floor.earliest().isAfter(start.earliest())) {
            start = new Moment(floor.earliest(), start.latest().isAfter(floor.earliest()) ? start.latest() : floor.earliest(),
                    start.approximate(), start.text());
        }
        Span span = new Span(start, until == null ? null : Moment.startOf(until));
        span.exceeds(thresholds.familyContactGap(), facts.asOf()).ifPresent(kind -> {
            Instant end = until == null ? facts.asOf() : until.latest();
            List<TimelineFact> denials = facts.of(FamilyContactDenied.class).stream()
                    .filter(denial -> CaseFacts.notBefore(denial, from) && !denial.earliest().isAfter(end)).toList();
            findings.add(FindingDraft.of(this).kind(denials.isEmpty() ? FindingKind.UNKNOWN : kind).over(span)
                    .threshold(Wording.duration(thresholds.familyContactGap())).evidence(from).evidence(denials)
                    .evidence(until == null ? List.of() : List.of(until))
                    .says("No family contact recorded" + Wording.at(facts, from)
                            + " from " + span.start().text() + (until == null ? " to " + Wording.instant(facts.asOf())
                                    : " to " + span.end().text()) + ", " + span.length(kind, facts.asOf())
                            + (denials.isEmpty() ? "" : ", with contact denied " + Moment.startOf(denials.get(0)).on())
                            + "; the Rules require contact with family at regular intervals"));
        });
    }
}
