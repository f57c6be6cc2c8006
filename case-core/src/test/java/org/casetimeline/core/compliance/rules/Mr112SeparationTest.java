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

class Mr112SeparationTest {

    private final Mr112Separation rule = new Mr112Separation();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    private FactId mixed(boolean value, String on) {
        return aCase.conditions().heldWithOtherLegalStatus(value).on(on);
    }

    @Test
    void givenUntriedPersonHeldWithConvictsFiveDays_whenChecked_thenConcernFlagClosed() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        FactId mixedIn = mixed(true, "2016-06-01");
        FactId apart = mixed(false, "2016-06-06");

        assertThat(findingsAsOf("2016-07-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR112-SEPARATION");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.threshold()).isEqualTo("3 days");
            assertThat(finding.evidence()).containsExactly(mixedIn, apart);
            assertThat(finding.explanation()).isEqualTo("An untried person held with convicted prisoners at Almaty pre-trial "
                    + "detention centre from 1 June 2016 to 6 June 2016, 5 days; the Rules require untried and convicted people to be held apart");
        });
    }

    @Test
    void givenHeldTogetherExactlyThreeDays_whenChecked_thenNothing() {
        mixed(true, "2016-06-01");
        mixed(false, "2016-06-04");

        assertThat(findingsAsOf("2016-07-01")).isEmpty();
    }

    @Test
    void givenConvictedPersonStillHeldWithUntried_whenChecked_thenOpenFlag() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.convicted().on("2016-11-28");
        mixed(true, "2016-12-01");

        assertThat(findingsAsOf("2017-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.open()).isTrue();
            assertThat(finding.explanation()).startsWith("A convicted person held with untried ones");
        });
    }

    @Test
    void givenReportKnownToTheMonthAndSeparatedOnThe5th_whenChecked_thenPossible() {
        mixed(true, "2016-06");
        mixed(false, "2016-06-05");

        assertThat(findingsAsOf("2016-07-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenReportRetracted_whenChecked_thenNothing() {
        aCase.retract(mixed(true, "2016-06-01"));

        assertThat(findingsAsOf("2016-07-01")).isEmpty();
    }

    @Test
    void givenReportCorrectedToHeldApart_whenChecked_thenNothing() {
        FactId report = mixed(true, "2016-06-01");
        aCase.conditions().heldWithOtherLegalStatus(false).report().correcting(report).on("2016-06-01");

        assertThat(findingsAsOf("2016-07-01")).isEmpty();
    }

    @Test
    void givenReportDisputed_whenChecked_thenDisputed() {
        aCase.dispute(mixed(true, "2016-06-01"));

        assertThat(findingsAsOf("2016-07-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
