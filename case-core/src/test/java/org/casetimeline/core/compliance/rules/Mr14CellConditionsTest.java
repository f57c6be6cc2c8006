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

class Mr14CellConditionsTest {

    private final Mr14CellConditions rule = new Mr14CellConditions();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenNoNaturalLightReported_whenChecked_thenSeriousFlagOpen() {
        aCase.transferred(from(KARAGANDY), to(PAVLODAR)).on("2014-03-01");
        FactId report = aCase.conditions().noNaturalLight().on("2014-04-01");
        FactId again = aCase.conditions().noNaturalLight().on("2014-06-01");

        assertThat(findingsAsOf("2014-07-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR14-CELL-CONDITIONS");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(report, again);
            assertThat(finding.explanation()).isEqualTo("No natural light in the cell at Pavlodar prison (AP-162/1), reported "
                    + "from 1 April 2014; the Rules require natural light, decent heat and sanitation, even under sanction");
        });
    }

    @Test
    void givenCellAt10Degrees_whenChecked_thenNothing_andAt9ItIsFlagged() {
        aCase.conditions().celsius(10).on("2014-01-10");
        assertThat(findingsAsOf("2014-02-01")).isEmpty();

        aCase.conditions().celsius(9).on("2014-01-20");
        assertThat(findingsAsOf("2014-02-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("Cell below 10 °C"));
    }

    @Test
    void givenLightsOnAroundTheClockAndNoToiletOrBedding_whenChecked_thenOneFlagEach() {
        aCase.conditions().lightsOnAroundTheClock().noToilet().noBedding().on("2014-01-10");

        assertThat(findingsAsOf("2014-02-01")).extracting(Finding::explanation)
                .anySatisfy(text -> assertThat(text).startsWith("Lights kept on around the clock"))
                .anySatisfy(text -> assertThat(text).startsWith("No toilet"))
                .anySatisfy(text -> assertThat(text).startsWith("No bedding"))
                .hasSize(3);
    }

    @Test
    void givenEachPoint_whenFlagged_thenItCitesTheRulesOfThatPoint() {
        aCase.conditions().noNaturalLight().lightsOnAroundTheClock().celsius(6).noToilet().noBedding().on("2014-01-10");

        assertThat(findingsAsOf("2014-02-01")).hasSize(5)
                .anySatisfy(finding -> assertCites(finding, "No natural light", "14(a)", "42", "43(1)(c)"))
                .anySatisfy(finding -> assertCites(finding, "Lights kept on", "42", "43(1)(c)"))
                .anySatisfy(finding -> assertCites(finding, "Cell below", "13", "42"))
                .anySatisfy(finding -> assertCites(finding, "No toilet", "15", "42"))
                .anySatisfy(finding -> assertCites(finding, "No bedding", "21", "42"));
    }

    private static void assertCites(Finding finding, String point, String... ruleNumbers) {
        assertThat(finding.explanation()).startsWith(point);
        assertThat(finding.ruleNumbers()).containsExactly(ruleNumbers);
    }

    @Test
    void givenLaterReportOfNaturalLight_whenChecked_thenClosed() {
        aCase.conditions().noNaturalLight().on("2014-04-01");
        aCase.conditions().naturalLight(true).on("2014-05-01");

        assertThat(findingsAsOf("2014-07-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-05-01")));
    }

    @Test
    void givenMovedElsewhere_whenChecked_thenClosedAtTheMove() {
        aCase.detained(at(KARAGANDY)).on("2013-10-07");
        aCase.conditions().noNaturalLight().on("2013-11-01");
        aCase.transferred(from(KARAGANDY), to(PAVLODAR)).on("2014-03-01");

        assertThat(findingsAsOf("2014-07-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-03-01")));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.conditions().noNaturalLight().on("2014-04-01"));

        assertThat(findingsAsOf("2014-07-01")).isEmpty();
    }

    @Test
    void givenCorrectedToNaturalLight_whenChecked_thenNothing() {
        FactId report = aCase.conditions().noNaturalLight().on("2014-04-01");
        aCase.conditions().naturalLight(true).report().correcting(report).on("2014-04-01");

        assertThat(findingsAsOf("2014-07-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.conditions().noNaturalLight().on("2014-04-01"));

        assertThat(findingsAsOf("2014-07-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
