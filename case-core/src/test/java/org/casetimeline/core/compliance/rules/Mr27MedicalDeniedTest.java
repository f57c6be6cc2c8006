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
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

class Mr27MedicalDeniedTest {

    private final Mr27MedicalDenied rule = new Mr27MedicalDenied();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenRequestForADoctorRefused_whenChecked_thenSeriousFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId request = aCase.medicalRequest(false).on("2014-04-01");
        FactId refused = aCase.medicalRequestDenied(request).on("2014-04-02");

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR27-MEDICAL-DENIED");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(request, refused);
            assertThat(finding.explanation()).isEqualTo("Medical care was refused at Pavlodar prison (AP-162/1) on 2 April 2014; "
                    + "no care is recorded since");
        });
    }

    @Test
    void givenARequestCorrectedAfterItWasRefused_whenChecked_thenOneRefusalCitingTheCorrectedRequest() {
        FactId request = aCase.medicalRequest(false).on("2014-04-01");
        FactId refused = aCase.medicalRequestDenied(request).on("2014-04-02");
        FactId corrected = aCase.medicalRequest(false).correcting(request).on("2014-03-31");

        assertThat(findingsAsOf("2014-05-01")).as("not also an unmet request: the refusal names its earlier version")
                .singleElement().satisfies(finding -> assertThat(finding.evidence()).containsExactly(corrected, refused));
    }

    @Test
    void givenExaminationAfterTheRefusal_whenChecked_thenClosed() {
        FactId request = aCase.medicalRequest(false).on("2014-04-01");
        aCase.medicalRequestDenied(request).on("2014-04-02");
        aCase.examined(request).on("2014-04-20");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-04-20")));
    }

    @Test
    void givenUrgentRequestUnmet_whenJustOver24Hours_thenFlag_andNothingAt24Hours() {
        aCase.medicalRequest(true).on("2014-04-01T10:00:00Z");

        assertThat(findingsAsOf("2014-04-02T10:00:00Z")).isEmpty();
        assertThat(findingsAsOf("2014-04-02T10:00:01Z")).singleElement()
                .satisfies(finding -> assertThat(finding.threshold()).isEqualTo("24 hours"));
    }

    @Test
    void givenOrdinaryRequestMetOnDay7_whenChecked_thenNothing_andOnDay8AClosedFlag() {
        FactId first = aCase.medicalRequest(false).on("2014-04-01");
        aCase.examined(first).on("2014-04-08");
        FactId second = aCase.medicalRequest(false).on("2014-05-01");
        aCase.examined(second).on("2014-05-09");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.start()).isEqualTo(instant("2014-05-01"));
        });
    }

    @Test
    void givenRequestKnownOnlyToTheMonth_whenExaminedOnThe20th_thenPossible() {
        FactId request = aCase.medicalRequest(false).on("2014-04");
        aCase.examined(request).on("2014-04-20");

        assertThat(findingsAsOf("2014-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenRefusalRetracted_whenAnsweredInTime_thenNothing() {
        FactId request = aCase.medicalRequest(false).on("2014-04-01");
        aCase.retract(aCase.medicalRequestDenied(request).on("2014-04-02"));
        aCase.examined(request).on("2014-04-03");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenExaminationDateCorrectedToWithinAWeek_whenChecked_thenNothing() {
        FactId request = aCase.medicalRequest(false).on("2014-04-01");
        FactId exam = aCase.examined(request).on("2014-04-20");
        aCase.examined(request).correcting(exam).on("2014-04-03");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenRefusalDisputed_whenChecked_thenDisputed() {
        FactId request = aCase.medicalRequest(false).on("2014-04-01");
        aCase.dispute(aCase.medicalRequestDenied(request).on("2014-04-02"));

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    /** Release or death ends what the prison owed: a refusal is not left open after it, nor answered by a later custody's care. */
    @Test
    void givenARefusalThenRelease_whenReadYearsLater_thenClosedAtTheRelease_andALaterCustodysCareAnswersNothing() {
        aCase.detained(at(PAVLODAR)).on("2013-01-10");
        FactId request = aCase.medicalRequest(false).on("2013-02-01");
        aCase.medicalRequestDenied(request).on("2013-02-02");
        FactId released = aCase.released(ReleaseKind.END_OF_TERM, false).on("2013-03-01");
        FactId ordinary = aCase.medicalRequest(false).on("2013-02-25");
        aCase.detained(at(PAVLODAR)).on("2015-01-01");
        aCase.examined(null).on("2015-02-01");

        assertThat(findingsAsOf("2016-01-01")).satisfiesExactlyInAnyOrder(refusal -> {
            assertThat(refusal.state()).isEqualTo(FindingState.CLOSED);
            assertThat(refusal.end()).isEqualTo(instant("2013-03-01"));
            assertThat(refusal.evidence()).contains(released);
            assertThat(refusal.explanation()).endsWith("no care is recorded before custody ended on 1 March 2013");
        });
        assertThat(findingsAsOf("2016-01-01")).as("the request of 25 February: 4 days to the release, within the week")
                .noneMatch(finding -> finding.evidence().contains(ordinary));
    }
}
