package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ALMATY_SIZO;
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
import org.junit.jupiter.api.Test;

class Mr61LegalAccessTest {

    private final Mr61LegalAccess rule = new Mr61LegalAccess();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenLawyerDeniedAccess_whenChecked_thenSeriousFlagOpen_untilALawyerVisits() {
        FactId denied = aCase.legalAccessDenied().on("2016-05-20");
        assertThat(findingsAsOf("2016-05-21")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR61-LEGAL-ACCESS");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(denied);
            assertThat(finding.explanation()).isEqualTo("A lawyer (Ms Ivanova) was denied access on 20 May 2016 on the grounds of "
                    + "investigation secrecy; the Rules require access to a lawyer without delay and in confidence");
        });

        aCase.legalVisit(true).on("2016-05-22");
        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2016-05-22")));
    }

    @Test
    void givenLawyerRequestedAndSeenThreeDaysLater_whenChecked_thenFlagClosed() {
        FactId requested = aCase.legalAccessRequested().on("2016-05-18");
        FactId visit = aCase.legalVisit(true).on("2016-05-21");

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.evidence()).containsExactly(requested, visit);
            assertThat(finding.explanation()).isEqualTo("A lawyer was requested on 18 May 2016; "
                    + "the person was visited by a lawyer only on 21 May 2016, 3 days later");
        });
    }

    @Test
    void givenLawyerRequestedAndSeenWithin48Hours_whenChecked_thenNothing() {
        aCase.legalAccessRequested().on("2016-05-18");
        aCase.legalVisit(true).on("2016-05-20");

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenAdmissionWithNoLegalVisitRecorded_whenChecked_thenUnknown_andNothingWhenSeenNextDay() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.explanation()).isEqualTo("Admitted to Almaty pre-trial detention centre on 17 May 2016; "
                    + "no record shows the person was visited by a lawyer within 48 hours");
        });

        aCase.legalVisit(true).on("2016-05-18");
        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenRequestKnownToTheMonthAndVisitOnThe10th_whenChecked_thenPossible() {
        aCase.legalAccessRequested().on("2016-05");
        aCase.legalVisit(true).on("2016-05-10");

        assertThat(findingsAsOf("2016-06-15")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenVisitNotInConfidence_whenChecked_thenFlag() {
        aCase.legalVisit(false).on("2016-05-20");

        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("A lawyer saw the person on 20 May 2016 but not in confidence"));
    }

    @Test
    void givenDenialRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.legalAccessDenied().on("2016-05-20"));

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenVisitDateCorrectedToTheNextDay_whenChecked_thenNothing() {
        aCase.legalAccessRequested().on("2016-05-18");
        FactId visit = aCase.legalVisit(true).on("2016-05-30");
        aCase.legalVisit(true).correcting(visit).on("2016-05-19");

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenDenialDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.legalAccessDenied().on("2016-05-20"));

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
