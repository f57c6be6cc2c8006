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
import org.casetimeline.core.event.ComplaintAnswered;
import org.casetimeline.core.event.ComplaintFiled;
import org.casetimeline.core.event.DisciplinarySanctionImposed;
import org.casetimeline.core.event.RelativeDetained;
import org.casetimeline.core.event.SolitaryConfinementImposed;
import org.casetimeline.core.shared.Sorted;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 56 and 57: complaints answered promptly and without reprisal. A complaint unanswered past the threshold is
 * a concern (open until answered); an adverse measure (a transfer, a sanction, solitary, a relative detained)
 * within the threshold after a complaint is an advisory. No event records public criticism by the person, so
 * only recorded complaints are read.
 */
public final class Mr57ComplaintReprisal extends RuleBase {

    private static final FactKinds READS = FactKinds.of(ComplaintAnswered.class, ComplaintFiled.class,
            DisciplinarySanctionImposed.class, RelativeDetained.class,
            SolitaryConfinementImposed.class).and(CaseFacts.CUSTODY);

    public Mr57ComplaintReprisal() {
        super("MR57-COMPLAINT-REPRISAL", Severity.CONCERN, READS, "56", "57");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        List<TimelineFact> complaints = facts.of(ComplaintFiled.class);
        for (TimelineFact complaint : complaints) {
            new NoticeCheck(this, thresholds.complaintAnswer(), fact -> fact.fact() instanceof ComplaintAnswered answered
                    && (answered.complaintFactId() == null || complaint.isNamedBy(answered.complaintFactId())),
                    fact -> false, fact -> false, new NoticeCheck.Told("the complaint", "answered", "not answered"))
                    .check(facts, complaint, true, describe(complaint) + " " + Moment.startOf(complaint).on()).ifPresent(findings::add);
        }
        for (TimelineFact measure : facts.all()) {
            String what = measure(facts, measure);
            Optional<TimelineFact> complaint = lastComplaintBefore(complaints, measure);
            if (what == null || complaint.isEmpty()) {
                continue;
            }
            Span span = new Span(Moment.startOf(complaint.get()), Moment.startOf(measure));
            Optional<FindingKind> soon = span.within(thresholds.complaintAnswer(), asOf);
            soon.ifPresent(kind -> findings.add(FindingDraft.of(this).kind(kind).over(span)
                    .threshold(Wording.duration(thresholds.complaintAnswer())).evidence(complaint.get(), measure)
                    .says(what + " " + span.end().on() + ", " + span.lengthWithin(kind, asOf) + " after "
                            + describe(complaint.get()).toLowerCase() + " " + span.start().on()
                            + "; an adverse measure soon after a complaint may be a reprisal, which the Rules forbid")));
        }
        return findings;
    }

    private static String describe(TimelineFact complaint) {
        ComplaintFiled filed = complaint.as(ComplaintFiled.class);
        return "A complaint" + (filed.subject() == null ? "" : " about " + filed.subject())
                + (filed.filedWith() == null ? "" : " to " + filed.filedWith()) + " was filed";
    }

    /**
     * The last complaint, other than the measure itself, that the measure may have come after. Complaints are in
     * occurrence order, so those it may have come after are a prefix of them, found by binary search.
     */
    private static Optional<TimelineFact> lastComplaintBefore(List<TimelineFact> complaints, TimelineFact measure) {
        for (int i = Sorted.prefixLength(complaints, complaint -> CaseFacts.notBefore(measure, complaint)) - 1; i >= 0; i--) {
            if (complaints.get(i) != measure) {
                return Optional.of(complaints.get(i));
            }
        }
        return Optional.empty();
    }

    private static String measure(CaseFacts facts, TimelineFact fact) {
        if (fact.fact() instanceof DisciplinarySanctionImposed sanction) {
            return "A sanction (" + sanction.sanction() + ") was imposed" + Wording.at(facts, fact);
        }
        if (fact.fact() instanceof RelativeDetained relative) {
            return "The person's " + (relative.relationship() == null ? "relative" : relative.relationship()) + " was detained";
        }
        return fact.is(SolitaryConfinementImposed.class) ? "Put in solitary confinement" + Wording.at(facts, fact)
                : Wording.move(facts.timeline(), fact);
    }
}
