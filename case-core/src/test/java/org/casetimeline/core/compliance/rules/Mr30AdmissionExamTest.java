package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.compliance.CaseFixture.to;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr30AdmissionExamTest {

    private final Mr30AdmissionExam rule = new Mr30AdmissionExam();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenAdmissionExamThreeDaysLate_whenChecked_thenConcernFlagClosed() {
        FactId admitted = aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId exam = aCase.examinedOnAdmission(false, null).on("2014-03-04");

        assertThat(findingsAsOf("2014-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR30-ADMISSION-EXAM");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.evidence()).containsExactly(admitted, exam);
            assertThat(finding.explanation()).isEqualTo("Admitted to Pavlodar prison (AP-162/1) on 1 March 2014; "
                    + "the person was examined only on 4 March 2014, 3 days later");
        });
    }

    @Test
    void givenAdmissionExamTheNextDay_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.examinedOnAdmission(false, null).on("2014-03-02");

        assertThat(findingsAsOf("2014-04-01")).isEmpty();
    }

    @Test
    void givenNoExaminationRecorded_whenChecked_thenUnknownOpen_andClosedByTheNextTransfer() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        assertThat(findingsAsOf("2014-03-10")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.open()).isTrue();
        });

        aCase.transferred(from(PAVLODAR), to(KARAGANDY)).on("2014-03-20");
        aCase.examinedOnAdmission(false, null).on("2014-03-21");
        assertThat(findingsAsOf("2014-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.end()).isEqualTo(instant("2014-03-20"));
        });
    }

    @Test
    void givenAdmissionKnownToTheMonthAndExamOnThe10th_whenChecked_thenPossible() {
        aCase.detained(at(PAVLODAR)).on("2014-03");
        aCase.examinedOnAdmission(false, null).on("2014-03-10");

        assertThat(findingsAsOf("2014-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenTheExamRetracted_whenChecked_thenUnknown() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.retract(aCase.examinedOnAdmission(false, null).on("2014-03-01"));

        assertThat(findingsAsOf("2014-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenExamDateCorrectedToTheDayOfAdmission_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId exam = aCase.examinedOnAdmission(false, null).on("2014-03-10");
        aCase.examinedOnAdmission(false, null).correcting(exam).on("2014-03-01");

        assertThat(findingsAsOf("2014-04-01")).isEmpty();
    }

    @Test
    void givenLateExamDisputed_whenChecked_thenDisputed() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.dispute(aCase.examinedOnAdmission(false, null).on("2014-03-10"));

        assertThat(findingsAsOf("2014-04-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    @Test
    void givenInjuriesSeenAndNotReported_whenChecked_thenFlagOpen_untilReportedToAnIndependentAuthority() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId exam = aCase.examinedOnAdmission(true, false).on("2014-03-01");
        assertThat(findingsAsOf("2014-03-10")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.open()).isTrue();
            assertThat(finding.evidence()).containsExactly(exam);
            assertThat(finding.explanation()).isEqualTo("Injuries were seen at a medical examination at Pavlodar prison (AP-162/1) "
                    + "on 1 March 2014 and not reported; the Rules require signs of ill-treatment to be documented and reported");
        });

        aCase.reportedToIndependentAuthority().on("2014-03-15");
        assertThat(findingsAsOf("2014-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-03-15")));
    }

    @Test
    void givenInjuriesSeenAndTheRecordSilentOnReporting_whenChecked_thenUnknown() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.examinedOnAdmission(true, null).on("2014-03-01");

        assertThat(findingsAsOf("2014-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }
}
