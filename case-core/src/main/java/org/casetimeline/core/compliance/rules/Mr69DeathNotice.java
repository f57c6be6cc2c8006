package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.FamilyNotNotified;
import org.casetimeline.core.event.FamilyNotified;
import org.casetimeline.core.event.HealthDeteriorationObserved;
import org.casetimeline.core.event.MedicalConditionReported;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 69: the next of kin are told at once of a death in custody, and of a serious illness or injury. A notice
 * later than the threshold is flagged; none at all is flagged when a fact shows they were not told (the death
 * record says so, or a record that the family was not notified), and is a data gap (UNKNOWN) otherwise.
 */
public final class Mr69DeathNotice extends RuleBase {

    private static final FactKinds READS = FactKinds.of(FamilyContactOccurred.class, FamilyNotNotified.class,
            FamilyNotified.class, HealthDeteriorationObserved.class,
            MedicalConditionReported.class).and(CaseFacts.CUSTODY);

    private static final Set<NoticeSubject> DEATH = Set.of(NoticeSubject.DEATH);
    private static final Set<NoticeSubject> ILLNESS = Set.of(NoticeSubject.ILLNESS, NoticeSubject.INJURY);

    public Mr69DeathNotice() {
        super("MR69-DEATH-NOTICE", Severity.SERIOUS, READS, "69");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        NoticeCheck ofDeath = new NoticeCheck(this, thresholds.deathNotice(), fact -> notified(fact, DEATH),
                fact -> notNotified(fact, DEATH), fact -> false);
        for (TimelineFact death : facts.of(PersonDied.class)) {
            // a death recorded with kin informed says nothing of when: a dated notice on record still shows whether in time
            // (one dated after the as-of instant too, as NoticeCheck reads it: it proves none had come by then)
            boolean toldUndated = Boolean.TRUE.equals(death.as(PersonDied.class).nextOfKinInformed())
                    && facts.timeline().facts().stream().noneMatch(fact -> notified(fact, DEATH) && CaseFacts.notBefore(fact, death));
            if (!toldUndated && facts.diedInCustody(death)) {
                ofDeath.check(facts, death, Boolean.FALSE.equals(death.as(PersonDied.class).nextOfKinInformed()),
                        Mr71CustodialDeath.describe(death)).ifPresent(findings::add);
            }
        }
        NoticeCheck ofIllness = new NoticeCheck(this, thresholds.deathNotice(), fact -> notified(fact, ILLNESS),
                fact -> notNotified(fact, ILLNESS), fact -> fact.is(FamilyContactOccurred.class)
                        || fact.is(PersonReleased.class) || fact.is(PersonDied.class));
        for (TimelineFact fact : facts.all()) {
            String what = fact.fact() instanceof MedicalConditionReported reported && serious(reported.severity())
                    ? "A serious condition (" + reported.condition() + ") was reported"
                    : fact.fact() instanceof HealthDeteriorationObserved observed && serious(observed.severity())
                    ? "The person's health was seen to deteriorate gravely" : null;
            if (what != null && facts.heldAt(fact)) {
                ofIllness.check(facts, fact, false, what + Wording.at(facts, fact) + " " + Moment.startOf(fact).on())
                        .ifPresent(findings::add);
            }
        }
        return findings;
    }

    static boolean serious(ConditionSeverity severity) {
        return severity == ConditionSeverity.SERIOUS || severity == ConditionSeverity.LIFE_THREATENING;
    }

    private static boolean notified(TimelineFact fact, Set<NoticeSubject> about) {
        return fact.fact() instanceof FamilyNotified notified && about.contains(notified.about());
    }

    private static boolean notNotified(TimelineFact fact, Set<NoticeSubject> about) {
        return fact.fact() instanceof FamilyNotNotified notNotified && about.contains(notNotified.about());
    }
}
