package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.InvestigationClosed;
import org.casetimeline.core.event.InvestigationOpened;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.ReportedToIndependentAuthority;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 71(1) and 72: a death in custody is reported without delay to an independent authority that investigates,
 * the family is kept informed and the body returned. Flags a death reported later than the threshold (to an
 * independent authority, or by an independent investigation opening), an investigation closed without informing the
 * family, and a body not returned. A death with no report on record is UNKNOWN, as in the other duties of the state
 * that monitors seldom witness (MR68-DETENTION-NOTICE, GC35-JUDICIAL-REVIEW): no record is not proof either way. Disappearance is MR68-WHEREABOUTS; no event grades an injury, so serious injury is not checked here.
 */
public final class Mr71CustodialDeath extends RuleBase {

    private static final FactKinds READS = FactKinds.of(InvestigationClosed.class, InvestigationOpened.class,
            ReportedToIndependentAuthority.class).and(CaseFacts.CUSTODY);

    private static final String DUTY = "; the Rules require a death in custody to be reported at once to an independent "
            + "authority, the family informed and the body returned";

    public Mr71CustodialDeath() {
        super("MR71-CUSTODIAL-DEATH", Severity.CRITICAL, READS, "71(1)", "72");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact death : facts.of(PersonDied.class)) {
            if (!facts.diedInCustody(death)) {
                continue;
            }
            // an investigation counts as the report only when it is into the death and known to be independent: one
            // whose independence is unrecorded leaves the gap open, since a missing record is not compliance either
            NoticeCheck reporting = new NoticeCheck(this, thresholds.custodialDeathReport(),
                    fact -> fact.is(ReportedToIndependentAuthority.class)
                            || (fact.fact() instanceof InvestigationOpened opened && Boolean.TRUE.equals(opened.independent())
                                    && (opened.allegationFactId() == null || death.isNamedBy(opened.allegationFactId()))),
                    fact -> false, fact -> false,
                    new NoticeCheck.Told("the death", "reported to an independent authority", "not reported to an independent authority"));
            String what = describe(death);
            // monitors rarely see the prison's report, so a missing one is a gap to fill; a late one is a FLAG
            reporting.check(facts, death, false, what).ifPresent(findings::add);
            for (TimelineFact closed : facts.from(death, InvestigationClosed.class, c -> Boolean.FALSE.equals(c.familyInformed())
                    && (c.allegationFactId() == null || death.isNamedBy(c.allegationFactId())))) {
                findings.add(FindingDraft.of(this).between(closed.earliest(), closed.earliest()).threshold("none")
                        .evidence(death, closed).says(what + "; the investigation was closed " + Moment.startOf(closed).on()
                                + " without informing the family" + DUTY));
            }
            if (Boolean.FALSE.equals(death.as(PersonDied.class).bodyReturned())) {
                findings.add(FindingDraft.of(this).over(Span.open(Moment.startOf(death))).threshold("none").evidence(death)
                        .says(what + "; the body was not returned to the family" + DUTY));
            }
        }
        return findings;
    }

    /** "Died in custody (the prison hospital) on 3 March 2015". */
    static String describe(TimelineFact death) {
        String place = death.as(PersonDied.class).place();
        return "Died in custody" + (place == null || place.isBlank() ? "" : " (" + place + ")") + " " + Moment.startOf(death).on();
    }
}
