package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.casetimeline.core.event.BroughtBeforeJudge;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.FamilyNotified;
import org.casetimeline.core.event.LegalAccessOccurred;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.event.TrialOpened;
import org.casetimeline.core.event.WhereaboutsConfirmed;
import org.casetimeline.core.event.WhereaboutsInquiryRefused;
import org.casetimeline.core.event.WhereaboutsUnknownReported;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 68 and ICPPED 17, 18, 20: family and lawyers can learn where the person is. Once they report not knowing
 * or are refused an answer, the person counts as missing from the last move since the place was last confirmed (or
 * from the report) until an official confirmation or a contact with the person; an unofficial sighting changes
 * nothing. Serious from a refused inquiry, critical past
 * the threshold.
 */
public final class Mr68Whereabouts extends RuleBase {

    private static final FactKinds READS = FactKinds.of(BroughtBeforeJudge.class, FamilyContactOccurred.class,
            FamilyNotified.class, LegalAccessOccurred.class, PersonDetained.class, PersonDied.class,
            PersonReleased.class, PersonTransferred.class, TransferStarted.class, TrialOpened.class,
            WhereaboutsConfirmed.class, WhereaboutsInquiryRefused.class, WhereaboutsUnknownReported.class);

    public Mr68Whereabouts() {
        super("MR68-WHEREABOUTS", Severity.CRITICAL, READS, "68", "ICPPED 17", "ICPPED 18", "ICPPED 20");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<TimelineFact> relevant = facts.all().stream().filter(fact -> rank(fact) >= 0)
                .sorted(Comparator.comparing((TimelineFact fact) -> Moment.startOf(fact).earliest())
                        .thenComparing(fact -> Moment.startOf(fact).latest())
                        .thenComparingInt(Mr68Whereabouts::rank)
                        .thenComparing(fact -> fact.factId().value()))
                .toList();
        List<Finding> findings = new ArrayList<>();
        TimelineFact departure = null;
        List<TimelineFact> missing = null;
        for (int i = 0; i < relevant.size(); i++) {
            TimelineFact fact = relevant.get(i);
            int rank = rank(fact);
            if (rank == 3) {
                // places the person, but tells the family nothing now: it clears an old move, never ends a disappearance
                if (missing == null) {
                    departure = null;
                }
            } else if (rank == 2) {
                if (missing != null) {
                    finding(facts, missing, fact, thresholds).ifPresent(findings::add);
                }
                missing = null;
                departure = null;
            } else if (missing != null) {
                if (!missing.contains(fact)) {
                    missing.add(fact);
                }
            } else if (rank == 0) {
                departure = fact;
            } else {
                departure = moveWithin(relevant, i).orElse(departure);
                missing = new ArrayList<>(departure == null ? List.of(fact) : List.of(departure, fact));
            }
        }
        if (missing != null) {
            finding(facts, missing, null, thresholds).ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<Finding> finding(CaseFacts facts, List<TimelineFact> missing, TimelineFact found, Thresholds thresholds) {
        Span span = new Span(Moment.startOf(missing.get(0)), found == null ? null : Moment.startOf(found));
        Optional<FindingKind> overdue = span.exceeds(thresholds.whereaboutsUnknown(), facts.asOf());
        List<TimelineFact> refusals = missing.stream().filter(fact -> fact.is(WhereaboutsInquiryRefused.class)).toList();
        if (overdue.isEmpty() && refusals.isEmpty()) {
            return Optional.empty();
        }
        boolean critical = overdue.isPresent() && (overdue.get() == FindingKind.FLAG || refusals.isEmpty());
        FindingKind kind = critical ? overdue.get() : FindingKind.FLAG;
        TimelineFact first = missing.get(0);
        String from = first.fact() instanceof PersonTransferred moved && moved.fromFacilityId() != null
                ? ", when moved out of " + Wording.facility(facts.timeline(), moved.fromFacilityId())
                : first.fact() instanceof TransferStarted started && started.fromFacilityId() != null
                ? ", when moved out of " + Wording.facility(facts.timeline(), started.fromFacilityId())
                : first.is(PersonDetained.class) ? ", when detained" : "";
        return Optional.of(FindingDraft.of(this).kind(kind).severity(critical ? Severity.CRITICAL : Severity.SERIOUS)
                .over(span).threshold(Wording.duration(thresholds.whereaboutsUnknown()))
                .evidence(missing).evidence(found == null ? List.of() : List.of(found))
                .says("Whereabouts withheld from family and lawyers from " + span.start().text() + from
                        + (found == null ? ", and still unconfirmed on " + Wording.instant(facts.asOf())
                                : ", until " + span.end().text())
                        + ", " + span.length(critical ? kind : FindingKind.FLAG, facts.asOf())
                        + (refusals.isEmpty() ? "" : ", with " + (refusals.size() == 1 ? "an inquiry" : refusals.size() + " inquiries")
                                + " refused from " + Moment.startOf(refusals.get(0)).text())
                        + "; only an official confirmation or contact with the person ends this"));
    }

    /**
     * A report dated only by month ("October 2013") sorts before a move on 5 October, yet may come after it: the
     * person is missing from the move that may precede the report, if no confirmation comes first.
     */
    private static Optional<TimelineFact> moveWithin(List<TimelineFact> relevant, int report) {
        Instant latest = Moment.startOf(relevant.get(report)).latest();
        for (TimelineFact later : relevant.subList(report + 1, relevant.size())) {
            if (Moment.startOf(later).earliest().isAfter(latest) || rank(later) == 2) {
                return Optional.empty();
            }
            if (rank(later) == 0) {
                return Optional.of(later);
            }
        }
        return Optional.empty();
    }

    /**
     * 0 a move away from a known place, 1 a sign the place is unknown, 2 the place confirmed, 3 the person placed before
     * any report (a transfer the family was told of, an appearance in court): the span of a later report starts after
     * it, not at a move years before; -1 irrelevant.
     */
    private static int rank(TimelineFact fact) {
        if (fact.fact() instanceof PersonTransferred moved && Boolean.TRUE.equals(moved.noticeGiven())
                || fact.is(BroughtBeforeJudge.class) || fact.is(TrialOpened.class)) {
            return 3;
        }
        if (fact.is(PersonTransferred.class) || fact.is(TransferStarted.class) || fact.is(PersonDetained.class)) {
            return 0;
        }
        if (fact.is(WhereaboutsUnknownReported.class) || fact.is(WhereaboutsInquiryRefused.class)) {
            return 1;
        }
        if ((fact.fact() instanceof WhereaboutsConfirmed confirmed && confirmed.official())
                || (fact.fact() instanceof FamilyNotified notified && notified.namedFacilityId() != null)
                || fact.is(FamilyContactOccurred.class) || fact.is(LegalAccessOccurred.class)
                || fact.is(PersonReleased.class) || fact.is(PersonDied.class)) {
            return 2;
        }
        return -1;
    }
}
