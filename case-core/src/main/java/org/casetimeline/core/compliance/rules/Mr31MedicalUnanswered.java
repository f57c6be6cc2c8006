package org.casetimeline.core.compliance.rules;

import java.time.Duration;
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
import org.casetimeline.core.event.MedicalConditionReported;
import org.casetimeline.core.event.MedicalExaminationProvided;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 31: a doctor sees anyone in custody who reports illness or injury. An illness reported with no medical
 * visit within the threshold is a concern, serious once the wait surely passes the longer threshold; it ends with
 * the first examination, release or death. (Requests for care are MR27-MEDICAL-DENIED.)
 */
public final class Mr31MedicalUnanswered extends RuleBase {

    private static final FactKinds READS = FactKinds.of(MedicalConditionReported.class,
            MedicalExaminationProvided.class).and(CaseFacts.CUSTODY);

    public Mr31MedicalUnanswered() {
        super("MR31-MEDICAL-UNANSWERED", Severity.CONCERN, READS, "31");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact reported : facts.of(MedicalConditionReported.class)) {
            if (!facts.heldAt(reported)) {
                continue;
            }
            TimelineFact seen = facts.firstFrom(reported, MedicalExaminationProvided.class, any -> true).orElse(null);
            TimelineFact end = CaseFacts.earlier(seen, facts.custodyEndAfter(reported).orElse(null));
            Span span = new Span(Moment.startOf(reported), end == null ? null : Moment.startOf(end));
            boolean serious = span.exceeds(thresholds.medicalVisitSerious(), asOf).filter(FindingKind.FLAG::equals).isPresent();
            Duration limit = serious ? thresholds.medicalVisitSerious() : thresholds.medicalVisit();
            span.exceeds(limit, asOf).ifPresent(kind -> findings.add(FindingDraft.of(this).kind(kind)
                    .severity(serious ? Severity.SERIOUS : Severity.CONCERN).over(span).threshold(Wording.duration(limit))
                    .evidence(reported).evidence(end == null ? List.of() : List.of(end))
                    .says("Illness reported (" + reported.as(MedicalConditionReported.class).condition() + ")"
                            + Wording.at(facts, reported) + " " + span.start().on() + "; "
                            + (end != null && end == seen ? "a doctor saw the person only " + span.end().on() + ", "
                                    + span.length(kind, asOf) + " later" : "no medical visit followed for " + span.length(kind, asOf))
                            + "; the Rules require a doctor to see anyone who reports illness, at once")));
        }
        return findings;
    }
}
