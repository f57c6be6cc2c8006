package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.casetimeline.core.event.InvestigationOpened;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.ReportedToIndependentAuthority;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 71, as an advisory: a death soon after release calls for an inquiry into custody-related causes. A death
 * within the threshold of release is flagged, critical when release was on health grounds, and stays open until
 * the death is reported to an independent authority or an investigation opens.
 */
public final class Mr71PostReleaseDeath extends RuleBase {

    private static final FactKinds READS = FactKinds.of(InvestigationOpened.class,
            ReportedToIndependentAuthority.class).and(CaseFacts.CUSTODY);

    public Mr71PostReleaseDeath() {
        super("MR71-POST-RELEASE-DEATH", Severity.SERIOUS, READS, "71");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact death : facts.of(PersonDied.class, died -> !Boolean.TRUE.equals(died.inCustody()))) {
            Optional<TimelineFact> release = facts.of(PersonReleased.class).stream()
                    .filter(fact -> CaseFacts.notBefore(death, fact)).reduce((first, second) -> second);
            if (release.isEmpty() || (death.as(PersonDied.class).inCustody() == null && rearrested(facts, release.get(), death))) {
                continue;
            }
            Span free = new Span(Moment.startOf(release.get()), Moment.startOf(death));
            Optional<FindingKind> within = free.within(thresholds.postReleaseDeath(), asOf);
            if (within.isEmpty()) {
                continue;
            }
            FindingKind kind = within.get();
            boolean onHealthGrounds = Boolean.TRUE.equals(release.get().as(PersonReleased.class).onHealthGrounds());
            Optional<TimelineFact> inquiry = facts.from(death, ReportedToIndependentAuthority.class, any -> true).stream()
                    .findFirst().or(() -> facts.firstFrom(death, InvestigationOpened.class, any -> true));
            Span span = new Span(Moment.startOf(death), inquiry.map(Moment::startOf).orElse(null));
            String custody = facts.custody().custodySince(release.get().earliest().minusNanos(1))
                    .map(since -> " after custody from " + Moment.startOf(since).text()).orElse("");
            findings.add(FindingDraft.of(this).kind(kind).severity(onHealthGrounds ? Severity.CRITICAL : Severity.SERIOUS)
                    .over(span).threshold(Wording.duration(thresholds.postReleaseDeath()))
                    .evidence(release.get(), death).evidence(inquiry.stream().toList())
                    .says("Died " + span.start().on() + ", " + free.lengthWithin(kind, asOf)
                            + " after release " + free.start().on() + (onHealthGrounds ? " on health grounds" : "") + custody
                            + (inquiry.isPresent() ? "; reported for inquiry " + span.end().on()
                                    : "; no inquiry into custody-related causes is recorded")));
        }
        return findings;
    }

    /**
     * Whether the person was certainly detained again after the release and may have been before dying: a death
     * in custody then (MR71-CUSTODIAL-DEATH's), unless the death says otherwise. A release and a death on one day, or
     * in one month, stay a death after release.
     */
    private static boolean rearrested(CaseFacts facts, TimelineFact release, TimelineFact death) {
        return facts.of(PersonDetained.class).stream()
                .anyMatch(detained -> detained.earliest().isAfter(release.latest()) && !detained.earliest().isAfter(death.latest()));
    }
}
