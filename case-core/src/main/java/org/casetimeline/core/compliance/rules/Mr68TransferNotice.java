package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.FamilyNotNotified;
import org.casetimeline.core.event.FamilyNotified;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.event.WhereaboutsConfirmed;
import org.casetimeline.core.event.WhereaboutsInquiryRefused;
import org.casetimeline.core.event.WhereaboutsUnknownReported;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/** Rule 68, BoP 16, ICPPED 18: the family is told of every transfer, accurately, within the threshold. */
public final class Mr68TransferNotice extends RuleBase {

    private static final FactKinds READS = FactKinds.of(AdmittedToFacility.class, FamilyContactOccurred.class,
            FamilyNotNotified.class, FamilyNotified.class, PersonDied.class, PersonReleased.class,
            PersonTransferred.class, TransferStarted.class, WhereaboutsConfirmed.class, WhereaboutsInquiryRefused.class,
            WhereaboutsUnknownReported.class)
            .and(CaseFacts.CUSTODY);

    public Mr68TransferNotice() {
        super("MR68-TRANSFER-NOTICE", Severity.SERIOUS, READS, "68", "BoP 16", "ICPPED 18");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact transfer : facts.all()) {
            FacilityId from;
            FacilityId to;
            boolean notTold;
            if (transfer.fact() instanceof PersonTransferred moved) {
                if (Boolean.TRUE.equals(moved.noticeGiven())) {
                    continue;
                }
                from = moved.fromFacilityId();
                to = moved.toFacilityId();
                notTold = Boolean.FALSE.equals(moved.noticeGiven());
            } else if (transfer.fact() instanceof TransferStarted started) {
                from = started.fromFacilityId();
                to = facts.firstFrom(transfer, AdmittedToFacility.class, any -> true)
                        .map(admitted -> admitted.as(AdmittedToFacility.class).facilityId()).orElse(null);
                notTold = false;
            } else {
                continue;
            }
            NoticeCheck check = new NoticeCheck(this, thresholds.transferNotice(),
                    fact -> names(fact, from, to, true), fact -> names(fact, from, to, false) || showsNotTold(fact),
                    fact -> fact.is(FamilyContactOccurred.class) || fact.is(PersonReleased.class)
                            || fact.is(PersonDied.class) || (fact != transfer && (fact.is(PersonTransferred.class)
                            || fact.is(TransferStarted.class))));
            String what = (from == null ? "Moved" : "Moved from " + Wording.facility(timeline, from))
                    + (to == null ? " to an undisclosed place" : " to " + Wording.facility(timeline, to))
                    + " " + Moment.startOf(transfer).on();
            check.check(facts, transfer, notTold, what).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * A notice of the transfer (or an official confirmation) that names {@code to} ({@code accurate}) or another place.
     * With the destination unknown, any place but the one the person left counts as named rightly.
     */
    private static boolean names(TimelineFact fact, FacilityId from, FacilityId to, boolean accurate) {
        FacilityId named;
        if (fact.fact() instanceof FamilyNotified notified
                && (notified.about() == NoticeSubject.TRANSFER || notified.about() == NoticeSubject.WHEREABOUTS)) {
            named = notified.namedFacilityId();
        } else if (fact.fact() instanceof WhereaboutsConfirmed confirmed && confirmed.official()) {
            named = confirmed.facilityId();
        } else {
            return false;
        }
        boolean right = named == null || (to == null ? !Objects.equals(named, from) : Objects.equals(named, to));
        return accurate == right;
    }

    private static boolean showsNotTold(TimelineFact fact) {
        return (fact.fact() instanceof FamilyNotNotified notNotified
                && (notNotified.about() == NoticeSubject.TRANSFER || notNotified.about() == NoticeSubject.WHEREABOUTS))
                || fact.is(WhereaboutsUnknownReported.class) || fact.is(WhereaboutsInquiryRefused.class);
    }
}
