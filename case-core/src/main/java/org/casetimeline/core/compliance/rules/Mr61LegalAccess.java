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
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.LegalAccessDenied;
import org.casetimeline.core.event.LegalAccessOccurred;
import org.casetimeline.core.event.LegalAccessRequested;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.timeline.CustodyEnds;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 61 and 119(2): a lawyer without delay, in confidence. A denial of access is flagged until a lawyer sees the
 * person; a first legal visit later than the threshold after a request is flagged (none at all too), and after an
 * admission or transfer flagged when late and a data gap (UNKNOWN) when no visit is recorded before the next move,
 * request or release. A visit not in confidence is flagged.
 */
public final class Mr61LegalAccess extends RuleBase {

    private static final FactKinds READS = FactKinds.of(LegalAccessDenied.class, LegalAccessOccurred.class,
            LegalAccessRequested.class).and(CaseFacts.CUSTODY);

    private static final String DUTY = "; the Rules require access to a lawyer without delay and in confidence";

    public Mr61LegalAccess() {
        super("MR61-LEGAL-ACCESS", Severity.SERIOUS, READS, "61", "119(2)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact denied : facts.of(LegalAccessDenied.class)) {
            TimelineFact end = CaseFacts.earlier(facts.firstFrom(denied, LegalAccessOccurred.class, any -> true).orElse(null),
                    facts.custodyEndAfter(denied).orElse(null));
            Span span = new Span(Moment.startOf(denied), end == null ? null : Moment.startOf(end));
            LegalAccessDenied denial = denied.as(LegalAccessDenied.class);
            findings.add(FindingDraft.of(this).over(span).threshold("none").evidence(denied).evidence(end == null ? List.of() : List.of(end))
                    .says("A lawyer" + (denial.lawyer() == null ? "" : " (" + denial.lawyer() + ")") + " was denied access"
                            + Wording.at(facts, denied) + " " + span.start().on()
                            + (denial.reason() == null ? "" : " on the grounds of " + denial.reason()) + DUTY));
        }
        NoticeCheck.Told told = NoticeCheck.Told.person("visited by a lawyer");
        NoticeCheck afterRequest = new NoticeCheck(this, thresholds.legalAccess(), fact -> fact.is(LegalAccessOccurred.class),
                fact -> fact.is(LegalAccessDenied.class), fact -> fact.is(PersonReleased.class) || fact.is(PersonDied.class), told);
        for (TimelineFact request : facts.of(LegalAccessRequested.class)) {
            afterRequest.check(facts, request, true, "A lawyer was requested" + Wording.at(facts, request) + " "
                    + Moment.startOf(request).on()).ifPresent(findings::add);
        }
        for (TimelineFact admission : facts.all()) {
            String where = Wording.admission(timeline, admission);
            if (where != null) {
                new NoticeCheck(this, thresholds.legalAccess(), fact -> fact.is(LegalAccessOccurred.class), fact -> false,
                        fact -> fact != admission && (CustodyEnds.starts(fact) || fact.is(LegalAccessRequested.class)
                                || fact.is(LegalAccessDenied.class) || fact.is(PersonReleased.class) || fact.is(PersonDied.class)), told)
                        .check(facts, admission, false, where + " " + Moment.startOf(admission).on()).ifPresent(findings::add);
            }
        }
        for (TimelineFact visit : facts.of(LegalAccessOccurred.class, v -> Boolean.FALSE.equals(v.inConfidence()))) {
            findings.add(FindingDraft.of(this).between(visit.earliest(), visit.earliest()).threshold("none").evidence(visit)
                    .says("A lawyer saw the person" + Wording.at(facts, visit) + " " + Moment.startOf(visit).on()
                            + " but not in confidence" + DUTY));
        }
        return findings;
    }
}
