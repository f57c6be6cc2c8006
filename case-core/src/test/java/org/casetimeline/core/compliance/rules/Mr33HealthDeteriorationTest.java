package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.shared.ConditionSeverity.LIFE_THREATENING;
import static org.casetimeline.core.shared.ConditionSeverity.MODERATE;
import static org.casetimeline.core.shared.ConditionSeverity.SERIOUS;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Mr33HealthDeteriorationTest {

    private final Mr33HealthDeterioration rule = new Mr33HealthDeterioration();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @BeforeEach
    void held() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
    }

    @Test
    void givenLifeThreateningDeteriorationNeitherReportedNorActedOn_whenEightDaysLater_thenSeriousFlagOpen() {
        FactId observed = aCase.healthDeteriorated(LIFE_THREATENING, false, false).on("2014-05-01");

        assertThat(findingsAsOf("2014-05-09")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR33-HEALTH-DETERIORATION");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("7 days");
            assertThat(finding.evidence()).containsExactly(observed);
            assertThat(finding.explanation()).isEqualTo("Health deteriorated to a life-threatening state (seen by his lawyer) "
                    + "at Pavlodar prison (AP-162/1) on 1 May 2014; neither reported nor acted on for 8 days; "
                    + "the Rules require the doctor to report when detention harms a person's health");
        });
    }

    @Test
    void givenSevenDaysSoFar_whenChecked_thenNothing() {
        aCase.healthDeteriorated(SERIOUS, false, false).on("2014-05-01");

        assertThat(findingsAsOf("2014-05-08")).isEmpty();
    }

    @Test
    void givenRecordSilentOnReportAndAction_whenChecked_thenUnknown() {
        aCase.healthDeteriorated(SERIOUS, null, null).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.explanation()).contains("no record shows health staff reported or acted on it within 7 days");
        });
    }

    @Test
    void givenALaterRecordOfAction_whenChecked_thenClosedThere() {
        aCase.healthDeteriorated(SERIOUS, false, false).on("2014-05-01");
        FactId acted = aCase.healthDeteriorated(SERIOUS, true, true).on("2014-05-20");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.end()).isEqualTo(instant("2014-05-20"));
            assertThat(finding.evidence()).contains(acted);
            assertThat(finding.explanation()).contains("reported or acted on only on 20 May 2014, 19 days later");
        });
    }

    @Test
    void givenDeteriorationKnownToTheMonthAndActionOnThe5th_whenChecked_thenPossible() {
        aCase.healthDeteriorated(SERIOUS, false, false).on("2014-05");
        aCase.healthDeteriorated(MODERATE, true, true).on("2014-05-20");

        assertThat(findingsAsOf("2014-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenModerateOrReportedDeterioration_whenChecked_thenNothing() {
        aCase.healthDeteriorated(MODERATE, false, false).on("2014-05-01");
        aCase.healthDeteriorated(SERIOUS, true, false).on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenDeteriorationRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.healthDeteriorated(SERIOUS, false, false).on("2014-05-01"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenRecordCorrectedToSayHealthStaffActed_whenChecked_thenNothing() {
        FactId observed = aCase.healthDeteriorated(SERIOUS, false, false).on("2014-05-01");
        aCase.healthDeteriorated(SERIOUS, false, true).correcting(observed).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenDeteriorationDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.healthDeteriorated(SERIOUS, false, false).on("2014-05-01"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
