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
import org.junit.jupiter.api.Test;

class Mr23ExerciseTest {

    private final Mr23Exercise rule = new Mr23Exercise();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenHalfAnHourOutdoors_whenChecked_thenConcernFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId report = aCase.conditions().outdoorExerciseMinutes(30).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR23-EXERCISE");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("1 hour");
            assertThat(finding.evidence()).containsExactly(report);
            assertThat(finding.explanation()).isEqualTo("Only 30 minutes of outdoor exercise a day at Pavlodar prison (AP-162/1), "
                    + "reported on 1 May 2014; the Rules require at least 1 hour a day in the open air");
        });
    }

    @Test
    void givenExactlyAnHourOutdoors_whenChecked_thenNothing() {
        aCase.conditions().outdoorExerciseMinutes(60).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenExerciseIndoorsOnlyOrDenied_whenChecked_thenFlagged() {
        aCase.conditions().exerciseIndoorsOnly().on("2014-05-01");
        CaseFixture denied = aCase();
        denied.conditions().outdoorExerciseMinutes(0).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("Exercise allowed only indoors"));
        assertThat(rule.evaluate(denied.timeline(), instant("2014-06-01"), Thresholds.defaults())).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("No outdoor exercise"));
    }

    @Test
    void givenReportSilentOnExercise_whenChecked_thenNothing() {
        aCase.conditions().noNaturalLight().on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenALaterReportOfAnHourOutdoors_whenChecked_thenClosed() {
        aCase.conditions().outdoorExerciseMinutes(20).on("2014-05-01");
        aCase.conditions().outdoorExerciseMinutes(60).on("2014-06-01");

        assertThat(findingsAsOf("2014-07-01")).singleElement().satisfies(finding -> {
            assertThat(finding.end()).isEqualTo(instant("2014-06-01"));
            assertThat(finding.explanation()).contains("reported on 1 May 2014, until 1 June 2014");
        });
    }

    @Test
    void givenReportKnownToTheMonth_whenChecked_thenApproximate() {
        aCase.conditions().outdoorExerciseMinutes(20).on("2014-05");

        assertThat(findingsAsOf("2014-07-01")).singleElement().satisfies(finding -> {
            assertThat(finding.approximate()).isTrue();
            assertThat(finding.explanation()).contains("reported in May 2014");
        });
    }

    @Test
    void givenReportRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.conditions().outdoorExerciseMinutes(20).on("2014-05-01"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenReportCorrectedToAnHour_whenChecked_thenNothing() {
        FactId report = aCase.conditions().outdoorExerciseMinutes(20).on("2014-05-01");
        aCase.conditions().outdoorExerciseMinutes(60).report().correcting(report).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenReportDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.conditions().outdoorExerciseMinutes(20).on("2014-05-01"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
