package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr31MedicalUnansweredTest {

    private final Mr31MedicalUnanswered rule = new Mr31MedicalUnanswered();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    private FactId illness(String on) {
        return aCase.conditionReported("spinal hernia", false, ConditionSeverity.MODERATE).on(on);
    }

    @Test
    void givenIllnessReportedAndNoDoctorFor48Hours_whenChecked_thenConcernFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId reported = illness("2014-04-01");

        assertThat(findingsAsOf("2014-04-03")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR31-MEDICAL-UNANSWERED");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("24 hours");
            assertThat(finding.evidence()).containsExactly(reported);
            assertThat(finding.explanation()).isEqualTo("Illness reported (spinal hernia) at Pavlodar prison (AP-162/1) on 1 April 2014; "
                    + "no medical visit followed for 48 hours; the Rules require a doctor to see anyone who reports illness, at once");
        });
    }

    @Test
    void givenDoctorTheNextDay_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        illness("2014-04-01");
        aCase.examined(null).on("2014-04-02");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenNoDoctorForMoreThanAWeek_whenChecked_thenSerious() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        illness("2014-04-01");

        assertThat(findingsAsOf("2014-04-09")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.threshold()).isEqualTo("7 days");
        });
    }

    @Test
    void givenDoctorThreeDaysLater_whenChecked_thenClosedConcern() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        illness("2014-04-01");
        FactId seen = aCase.examined(null).on("2014-04-04");

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.end()).isEqualTo(instant("2014-04-04"));
            assertThat(finding.evidence()).contains(seen);
            assertThat(finding.explanation()).contains("a doctor saw the person only on 4 April 2014, 3 days later");
        });
    }

    @Test
    void givenIllnessKnownToTheMonthAndDoctorOnThe5th_whenChecked_thenPossible() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        illness("2014-04");
        aCase.examined(null).on("2014-04-05");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenIllnessReportedWhileAtLiberty_whenChecked_thenNothing() {
        illness("2014-04-01");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenReportRetracted_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.retract(illness("2014-04-01"));

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenExaminationCorrectedToTheSameDay_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        illness("2014-04-01");
        FactId exam = aCase.examined(null).on("2014-04-20");
        aCase.examined(null).correcting(exam).on("2014-04-01");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenReportDisputed_whenChecked_thenDisputed() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.dispute(illness("2014-04-01"));

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
