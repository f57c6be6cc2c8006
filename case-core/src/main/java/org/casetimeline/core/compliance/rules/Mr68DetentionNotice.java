package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.event.WhereaboutsConfirmed;
import org.casetimeline.core.event.WhereaboutsInquiryRefused;
import org.casetimeline.core.event.WhereaboutsUnknownReported;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/** Rule 68 and BoP 16: a detained person can have the family told of the detention at once. */
public final class Mr68DetentionNotice extends RuleBase {

    private static final FactKinds READS = FactKinds.of(FamilyContactOccurred.class, FamilyNotNotified.class,
            FamilyNotified.class, PersonDetained.class, PersonDied.class, PersonReleased.class, PersonTransferred.class,
            TransferStarted.class, WhereaboutsConfirmed.class, WhereaboutsInquiryRefused.class,
            WhereaboutsUnknownReported.class)
            .and(CaseFacts.CUSTODY);

    public Mr68DetentionNotice() {
        super("MR68-DETENTION-NOTICE", Severity.SERIOUS, READS, "68", "BoP 16");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact detention : facts.of(PersonDetained.class)) {
            // the wait goes on past a move (a transfer does not tell the family of the detention), but a refused inquiry
            // or a report of unknown whereabouts after one speaks of the transfer (MR68-TRANSFER-NOTICE), and proves
            // nothing of the detention's notice
            Optional<TimelineFact> move = facts.from(detention)
                    .filter(fact -> fact.is(PersonTransferred.class) || fact.is(TransferStarted.class)).findFirst();
            NoticeCheck check = new NoticeCheck(this, thresholds.detentionNotice(), Mr68DetentionNotice::notifies,
                    fact -> showsNotTold(fact) && move.map(moved -> !fact.earliest().isAfter(moved.earliest())).orElse(true),
                    fact -> fact.is(FamilyContactOccurred.class) || fact.is(PersonReleased.class) || fact.is(PersonDied.class));
            PersonDetained detained = detention.as(PersonDetained.class);
            String what = "Detained by " + detained.authority()
                    + (detained.facilityId() == null ? "" : " and held at " + Wording.facility(timeline, detained.facilityId()))
                    + " " + Moment.startOf(detention).on();
            check.check(facts, detention, false, what).ifPresent(findings::add);
        }
        return findings;
    }

    private static boolean notifies(TimelineFact fact) {
        return (fact.fact() instanceof FamilyNotified notified
                && (notified.about() == NoticeSubject.DETENTION || notified.about() == NoticeSubject.WHEREABOUTS))
                || (fact.fact() instanceof WhereaboutsConfirmed confirmed && confirmed.official());
    }

    private static boolean showsNotTold(TimelineFact fact) {
        return (fact.fact() instanceof FamilyNotNotified notNotified
                && (notNotified.about() == NoticeSubject.DETENTION || notNotified.about() == NoticeSubject.WHEREABOUTS))
                || fact.is(WhereaboutsUnknownReported.class) || fact.is(WhereaboutsInquiryRefused.class);
    }
}
