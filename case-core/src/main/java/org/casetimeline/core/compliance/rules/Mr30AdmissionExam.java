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
import org.casetimeline.core.event.MedicalExaminationProvided;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.ReportedToIndependentAuthority;
import org.casetimeline.core.timeline.CustodyEnds;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 30 and 34: a medical examination on every admission, looking for ill-treatment, and injuries seen by
 * health staff documented and reported. An examination later than the threshold is flagged; none before the
 * next move or release is a data gap (UNKNOWN). Injuries observed and not reported are flagged (UNKNOWN when the
 * record is silent on reporting) until they reach an independent authority or an investigation.
 */
public final class Mr30AdmissionExam extends RuleBase {

    private static final FactKinds READS = FactKinds.of(InvestigationOpened.class, MedicalExaminationProvided.class,
            ReportedToIndependentAuthority.class).and(CaseFacts.CUSTODY);

    public Mr30AdmissionExam() {
        super("MR30-ADMISSION-EXAM", Severity.CONCERN, READS, "30", "34");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact admission : facts.all()) {
            String where = Wording.admission(timeline, admission);
            if (where == null) {
                continue;
            }
            new NoticeCheck(this, thresholds.admissionExamination(),
                    fact -> fact.fact() instanceof MedicalExaminationProvided exam && !Boolean.FALSE.equals(exam.onAdmission()),
                    fact -> false, fact -> fact != admission && (CustodyEnds.starts(fact) || fact.is(PersonReleased.class) || fact.is(PersonDied.class)),
                    NoticeCheck.Told.person("examined"))
                    .check(facts, admission, false, where + " " + Moment.startOf(admission).on()).ifPresent(findings::add);
        }
        for (TimelineFact exam : facts.of(MedicalExaminationProvided.class, e -> Boolean.TRUE.equals(e.injuriesObserved())
                && !Boolean.TRUE.equals(e.injuriesReported()))) {
            boolean silent = exam.as(MedicalExaminationProvided.class).injuriesReported() == null;
            Optional<TimelineFact> reported = Optional.ofNullable(CaseFacts.earlier(
                    facts.firstFrom(exam, ReportedToIndependentAuthority.class, any -> true).orElse(null),
                    facts.firstFrom(exam, InvestigationOpened.class, any -> true).orElse(null)));
            Span span = new Span(Moment.startOf(exam), reported.map(Moment::startOf).orElse(null));
            findings.add(FindingDraft.of(this).kind(silent ? FindingKind.UNKNOWN : FindingKind.FLAG).over(span).threshold("none")
                    .evidence(exam).evidence(reported.stream().toList())
                    .says("Injuries were seen at a medical examination" + Wording.at(facts, exam) + " " + span.start().on()
                            + (silent ? "; no record shows they were reported" : " and not reported")
                            + (reported.isPresent() ? ", until they reached an investigator " + span.end().on() : "")
                            + "; the Rules require signs of ill-treatment to be documented and reported"));
        }
        return findings;
    }
}
