package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.BroughtBeforeJudge;
import org.casetimeline.core.event.ChargeBrought;
import org.casetimeline.core.event.PersonConvicted;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.TrialOpened;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 119(1), ICCPR 9(3) and General Comment 35: a detained person is told the charges promptly and brought
 * before a judge promptly. A first appearance later than the threshold, or charges notified late or withheld, is
 * flagged; where nothing is recorded before trial, conviction or release, it is a data gap (UNKNOWN).
 */
public final class Gc35JudicialReview extends RuleBase {

    private static final FactKinds READS = FactKinds.of(BroughtBeforeJudge.class, ChargeBrought.class,
            PersonConvicted.class, PersonDetained.class, PersonDied.class, PersonReleased.class, TrialOpened.class)
            .and(CaseFacts.CUSTODY);

    public Gc35JudicialReview() {
        super("GC35-JUDICIAL-REVIEW", Severity.SERIOUS, READS, "119(1)", "ICCPR 9(3)", "GC 35");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        Predicate<TimelineFact> tried = fact -> fact.is(TrialOpened.class) || fact.is(PersonConvicted.class)
                || fact.is(PersonReleased.class) || fact.is(PersonDied.class);
        NoticeCheck judge = new NoticeCheck(this, thresholds.judicialReview(), fact -> fact.is(BroughtBeforeJudge.class),
                fact -> false, tried, NoticeCheck.Told.person("brought before a judge"));
        NoticeCheck charges = new NoticeCheck(this, thresholds.chargeNotification(),
                fact -> fact.fact() instanceof ChargeBrought charge && Boolean.TRUE.equals(charge.personInformed()),
                fact -> fact.fact() instanceof ChargeBrought charge && Boolean.FALSE.equals(charge.personInformed()),
                tried, NoticeCheck.Told.person("told of the charges"));
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact detention : facts.of(PersonDetained.class)) {
            String what = "Detained by " + detention.as(PersonDetained.class).authority() + " " + Moment.startOf(detention).on();
            judge.check(facts, detention, false, what).ifPresent(findings::add);
            charges.check(facts, detention, false, what).ifPresent(findings::add);
        }
        return findings;
    }
}
